#include <spdlog/spdlog.h>

#include <stdexcept>
#include <thread>

#include "http_webex_api.h"
#include "response_check.h"
#include "layout_json.h"
#include "live_json.h"

namespace wx::webex_detail {

namespace {

constexpr const char* kTemplates = "/telephony/config/devices/lineKeyTemplates";

// A template just created may take a moment to show in the list (eventual consistency, as for devices).
constexpr int kLookupAttempts = 3;

std::string layout_path(const std::string& device_id) {
  return "/telephony/config/devices/" + path_segment(device_id) + "/layout";
}

std::string template_path(const std::string& template_id) {
  return std::string(kTemplates) + "/" + path_segment(template_id);
}

// deviceModel may be sent as the model ("DMS Cisco 8851") or its display name ("Cisco 8851"), and the
// list may carry either; model strings are the display name behind "DMS " [infer from the catalog].
std::string model_key(const std::string& model) {
  std::string m = lower(model);
  return m.rfind("dms ", 0) == 0 ? m.substr(4) : m;
}

bool same_model(const LineKeyTemplate& listed, const std::string& wanted) {
  if (wanted.empty()) {
    return true;
  }
  const std::string w = model_key(wanted);
  return (!listed.device_model.empty() && model_key(listed.device_model) == w) ||
         (!listed.model_display_name.empty() && model_key(listed.model_display_name) == w);
}

}  // namespace

Layout HttpWebexApi::get_device_layout(const std::string& device_id) {
  auto body = m_client.get(layout_path(device_id));
  expect_object(body, 200, "GET", layout_path(device_id), "a layout object");
  return layout_from_json(body);
}

void HttpWebexApi::put_device_layout(const std::string& device_id, const Layout& layout) {
  m_client.put(layout_path(device_id), layout_to_json(layout));
}

std::vector<LineKeyTemplate> HttpWebexApi::list_line_key_templates() {
  std::vector<LineKeyTemplate> out;
  for (const auto& item : m_client.list(kTemplates, {}, "lineKeyTemplates")) {
    out.push_back(template_from_json(item, false));
  }
  return out;
}

LineKeyTemplate HttpWebexApi::get_line_key_template(const std::string& template_id) {
  auto body = m_client.get(template_path(template_id));
  if (!body.is_object()) {
    throw ApiError(200, "GET", template_path(template_id), "the response carries no line key template");
  }
  auto tpl = template_from_json(body, true);
  if (tpl.id.empty()) {
    tpl.id = template_id;
  }
  return tpl;
}

std::vector<std::string> HttpWebexApi::find_created_template(const LineKeyTemplate& body) {
  std::vector<std::string> ids;
  for (int attempt = 0; attempt < kLookupAttempts && ids.empty(); ++attempt) {
    if (attempt > 0) {
      std::this_thread::sleep_for(m_client.config().backoff_base * (1 << attempt));
    }
    for (const auto& listed : list_line_key_templates()) {
      if (listed.template_name == body.template_name && same_model(listed, body.device_model) &&
          !listed.id.empty()) {
        ids.push_back(listed.id);
      }
    }
  }
  return ids;
}

std::string HttpWebexApi::create_line_key_template(const LineKeyTemplate& body) {
  if (body.template_name.empty()) {
    // The name is how an unknown outcome is resolved, and the API requires it anyway.
    throw std::invalid_argument("create_line_key_template: templateName is required");
  }
  std::optional<ApiError> uncertain;
  int status = 0;
  try {
    auto response = m_client.post(kTemplates, template_create_json(body), Idempotency::NotIdempotent);
    status = response.status;
    if (auto id = string_of(response.body, "id"); !id.empty()) {
      return id;
    }
    spdlog::info("POST {} answered {} without an id; looking up template '{}'", kTemplates, status,
                 body.template_name);
  } catch (const ApiError& e) {
    if (e.status() != 0 && e.status() < 500) {
      throw;  // a definite refusal
    }
    spdlog::warn("outcome of creating line key template '{}' is unknown ({}); looking it up before deciding",
                 body.template_name, e.what());
    uncertain = e;
  }

  std::vector<std::string> found;
  try {
    found = find_created_template(body);
  } catch (const ApiError& e) {
    if (!uncertain) {
      throw;
    }
    spdlog::warn("looking up line key template '{}' failed too: {}", body.template_name, e.what());
  }
  if (found.size() == 1) {
    return found.front();
  }
  if (found.size() > 1) {
    // Picking one would be a guess, and creating again would add another: a conflict for a person.
    throw ApiError(409, "POST", kTemplates,
                   "the outcome of creating line key template '" + body.template_name + "' is unknown and " +
                       std::to_string(found.size()) + " templates with that name and model exist");
  }
  if (uncertain) {
    throw *uncertain;  // not created, as far as Webex shows: the caller may try again later
  }
  throw ApiError(status, "POST", kTemplates,
                 "Webex accepted line key template '" + body.template_name +
                     "' but it does not appear in the template list");
}

void HttpWebexApi::update_line_key_template(const std::string& template_id, const LineKeyTemplate& body) {
  m_client.put(template_path(template_id), template_update_json(body));
}

void HttpWebexApi::delete_line_key_template(const std::string& template_id) {
  try {
    m_client.del(template_path(template_id));
  } catch (const ApiError& e) {
    if (e.status() != 404) {
      throw;
    }
    // Already gone: what a re-run after an interrupted apply expects.
  }
}

}  // namespace wx::webex_detail
