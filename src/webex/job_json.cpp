#include "job_json.h"

#include "live_json.h"

namespace wx::webex_detail {

namespace {

// key is documented as a string ("500") but an HTTP status may arrive as a number.
std::string text_of(const nlohmann::json& object, const char* key) {
  return optional_string_of(object, key).value_or(std::string{});
}

// "description (code)", either part alone, or empty when both are null.
std::string message_text(const nlohmann::json& message) {
  std::string description = text_of(message, "description");
  std::string code = text_of(message, "code");
  if (description.empty()) {
    return code;
  }
  if (code.empty()) {
    return description;
  }
  return description + " (" + code + ")";
}

}  // namespace

DeviceJob device_job_from_json(const nlohmann::json& body) {
  DeviceJob job;
  job.id = string_of(body, "id");
  job.name = string_of(body, "name");
  if (job.name.empty()) {
    job.name = string_of(body, "jobType");  // list items may carry only jobType, or neither
  }
  job.tracking_id = string_of(body, "trackingId");
  job.latest_execution_status = string_of(body, "latestExecutionStatus");
  job.latest_execution_exit_code = string_of(body, "latestExecutionExitCode");
  if (body.is_object() && (job.latest_execution_status.empty() || job.latest_execution_exit_code.empty())) {
    auto it = body.find("jobExecutionStatus");
    if (it != body.end() && it->is_array() && !it->empty()) {
      const auto& newest = it->front();
      if (job.latest_execution_status.empty()) {
        job.latest_execution_status = string_of(newest, "statusMessage");
      }
      if (job.latest_execution_exit_code.empty()) {
        job.latest_execution_exit_code = string_of(newest, "exitCode");
      }
    }
  }
  job.percentage_complete = int_of(body, "percentageComplete").value_or(0);
  job.updated_count = int_of(body, "updatedCount");
  job.advisory_count = int_of(body, "advisoryCount");
  job.device_count = int_of(body, "deviceCount");
  return job;
}

DeviceJobError job_error_from_json(const nlohmann::json& item, int default_item_number) {
  DeviceJobError e;
  e.item_number = int_of(item, "itemNumber").value_or(default_item_number);
  e.item = text_of(item, "item");
  e.tracking_id = string_of(item, "trackingId");
  e.error_type = string_of(item, "errorType");
  if (!item.is_object()) {
    return e;
  }
  auto error = item.find("error");
  if (error == item.end() || !error->is_object()) {
    return e;
  }
  e.key = text_of(*error, "key");
  auto messages = error->find("message");
  if (messages != error->end() && messages->is_array()) {
    for (const auto& m : *messages) {
      if (auto text = message_text(m); !text.empty()) {
        e.messages.push_back(std::move(text));
      }
    }
  } else if (messages != error->end() && messages->is_string()) {
    e.messages.push_back(messages->get<std::string>());
  } else if (auto text = message_text(*error); !text.empty()) {
    // The schema (not the example) puts {description, code} straight under error.
    e.messages.push_back(std::move(text));
  }
  return e;
}

std::vector<DeviceJobError> job_errors_from_json(const nlohmann::json& body) {
  std::vector<DeviceJobError> out;
  if (!body.is_object()) {
    return out;
  }
  auto items = body.find("items");
  if (items != body.end() && items->is_array()) {
    int n = 0;
    for (const auto& item : *items) {
      if (item.is_object()) {
        out.push_back(job_error_from_json(item, n));
      }
      ++n;
    }
    return out;
  }
  if (body.contains("error")) {
    out.push_back(job_error_from_json(body, 0));
  }
  return out;
}

}  // namespace wx::webex_detail
