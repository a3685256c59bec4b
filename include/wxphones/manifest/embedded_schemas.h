#pragma once
#include <map>
#include <string>
#include <string_view>

namespace wx::embedded {

// Every schemas/*.json file, compiled in at CMake configure time (cmake/EmbedFile.cmake) so that
// `validate` works without the source tree. Key: file name, e.g. "phone.schema.json".
const std::map<std::string, std::string_view>& schema_files();

}  // namespace wx::embedded
