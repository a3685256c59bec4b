#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace wx::conformance {

// One request/response pair from the emulator's traffic log (JSON Lines, one exchange per line):
// {"method","path","query":[[name,value]...],"requestContentType","requestBody","status",
//  "responseContentType","responseBody"}. `path` is relative to the API base (no "/v1"), as the OpenAPI
// `paths` keys. Bodies are JSON values, null when absent, or a string when the body was not JSON.
struct Exchange {
  std::string method;
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  std::string request_content_type;
  nlohmann::json request_body;
  int status = 0;
  std::string response_content_type;
  nlohmann::json response_body;
  std::string source;  // "file.jsonl:12", for reports
};

// Throws std::runtime_error naming the missing/mistyped field.
Exchange exchange_from_json(const nlohmann::json& line);

// Reads a whole traffic file. Blank lines are skipped; a malformed line throws std::runtime_error with
// "file:line: reason" (a broken log must not pass as "no findings").
std::vector<Exchange> read_traffic_file(const std::filesystem::path& path);

}  // namespace wx::conformance
