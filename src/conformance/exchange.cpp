#include "wxphones/conformance/exchange.h"

#include <fstream>
#include <stdexcept>

namespace wx::conformance {
namespace {

std::string required_string(const nlohmann::json& line, const char* name) {
  const auto it = line.find(name);
  if (it == line.end() || !it->is_string()) {
    throw std::runtime_error(std::string("field \"") + name + "\" missing or not a string");
  }
  return it->get<std::string>();
}

std::string optional_string(const nlohmann::json& line, const char* name) {
  const auto it = line.find(name);
  if (it == line.end() || it->is_null()) {
    return {};
  }
  if (!it->is_string()) {
    throw std::runtime_error(std::string("field \"") + name + "\" is not a string");
  }
  return it->get<std::string>();
}

nlohmann::json optional_value(const nlohmann::json& line, const char* name) {
  const auto it = line.find(name);
  return it == line.end() ? nlohmann::json(nullptr) : *it;
}

}  // namespace

Exchange exchange_from_json(const nlohmann::json& line) {
  if (!line.is_object()) {
    throw std::runtime_error("an exchange must be a JSON object");
  }
  Exchange e;
  e.method = required_string(line, "method");
  e.path = required_string(line, "path");
  const auto query = line.find("query");
  if (query != line.end() && !query->is_null()) {
    if (!query->is_array()) {
      throw std::runtime_error("field \"query\" is not an array of [name, value] pairs");
    }
    for (const auto& pair : *query) {
      if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
        throw std::runtime_error("field \"query\" is not an array of [name, value] pairs");
      }
      e.query.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
    }
  }
  e.request_content_type = optional_string(line, "requestContentType");
  e.request_body = optional_value(line, "requestBody");
  const auto status = line.find("status");
  if (status == line.end() || !status->is_number_integer()) {
    throw std::runtime_error("field \"status\" missing or not an integer");
  }
  e.status = status->get<int>();
  e.response_content_type = optional_string(line, "responseContentType");
  e.response_body = optional_value(line, "responseBody");
  return e;
}

std::vector<Exchange> read_traffic_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error("cannot read traffic file " + path.string());
  }
  std::vector<Exchange> out;
  std::string text;
  std::size_t number = 0;
  while (std::getline(in, text)) {
    ++number;
    if (text.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    const std::string where = path.filename().string() + ":" + std::to_string(number);
    try {
      Exchange e = exchange_from_json(nlohmann::json::parse(text));
      e.source = where;
      out.push_back(std::move(e));
    } catch (const std::exception& error) {
      throw std::runtime_error(path.string() + ":" + std::to_string(number) + ": " + error.what());
    }
  }
  return out;
}

}  // namespace wx::conformance
