#include "cli/metrics.h"

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace wx::cli {

namespace {

constexpr std::string_view kLastSuccess = "wxphones_drift_last_success_timestamp_seconds";

void header(std::ostream& out, std::string_view name, std::string_view help) {
  out << "# HELP " << name << " " << help << "\n# TYPE " << name << " gauge\n";
}

// Label values escape backslash, double quote and newline.
std::string label_value(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string number(double value) {
  std::ostringstream out;
  out.precision(15);
  out << value;
  return out.str();
}

}  // namespace

std::map<std::string, int> drifted_objects_by_kind(const Plan& plan) {
  std::set<std::pair<std::string, std::string>> objects;
  for (const auto& step : plan.steps) {
    if (step.action == Action::Wait || step.action == Action::Run) continue;
    if (const auto* job = std::get_if<ApplyTemplateJob>(&step.operation)) {
      for (const auto& phone : job->phones) objects.emplace("Phone", phone.name);
      continue;
    }
    objects.emplace(step.kind, step.target);
  }
  std::map<std::string, int> by_kind;
  for (const auto& [kind, target] : objects) ++by_kind[kind];
  return by_kind;
}

std::string render_metrics(const DriftMetrics& m) {
  std::ostringstream out;
  if (m.success) {
    header(out, "wxphones_drift_objects", "Objects whose live state differs from the manifests, by kind.");
    for (const auto& [kind, count] : m.drifted_by_kind) {
      out << "wxphones_drift_objects{kind=\"" << label_value(kind) << "\"} " << count << "\n";
    }
    header(out, "wxphones_phones_not_online", "Phones in the managed scope that are not online.");
    out << "wxphones_phones_not_online " << m.phones_not_online << "\n";
    header(out, "wxphones_drift_detected", "1 when the last drift check found drift.");
    out << "wxphones_drift_detected " << (m.drift_detected ? 1 : 0) << "\n";
  }
  header(out, "wxphones_drift_success", "1 when the last drift check completed, 0 when it failed.");
  out << "wxphones_drift_success " << (m.success ? 1 : 0) << "\n";
  header(out, "wxphones_drift_duration_seconds", "Duration of the last drift check.");
  out << "wxphones_drift_duration_seconds " << number(m.duration_seconds) << "\n";
  if (m.last_success_timestamp) {
    header(out, kLastSuccess, "Unix time of the last drift check that completed.");
    out << kLastSuccess << " " << number(*m.last_success_timestamp) << "\n";
  }
  return out.str();
}

std::optional<double> read_last_success(std::string_view previous_text) {
  std::istringstream in{std::string(previous_text)};
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(kLastSuccess, 0) != 0 || line.size() <= kLastSuccess.size() ||
        line[kLastSuccess.size()] != ' ') {
      continue;
    }
    try {
      return std::stod(line.substr(kLastSuccess.size() + 1));
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

void write_metrics_file(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::path tmp = file;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc | std::ios::binary);
    out << text;
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  std::error_code ec;
  std::filesystem::rename(tmp, file, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw std::runtime_error("cannot rename " + tmp.string() + " to " + file.string());
  }
}

}  // namespace wx::cli
