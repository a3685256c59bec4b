#include <spdlog/spdlog.h>

#include <algorithm>
#include <stdexcept>
#include <thread>

#include "http_webex_api.h"
#include "live_json.h"
#include "wxphones/util/mac.h"
#include "wxphones/webex/page_sizes.h"

namespace wx::webex_detail {

namespace {

// Webex lists are eventually consistent: a device just created may take a moment to show up.
constexpr int kLookupAttempts = 3;

void check_one_owner(const std::string& person_id, const std::string& workspace_id, const char* what) {
  if (person_id.empty() == workspace_id.empty()) {
    throw std::invalid_argument(std::string(what) +
                                ": exactly one of person_id and workspace_id must be set");
  }
}

nlohmann::json owner_body(const std::string& person_id, const std::string& workspace_id) {
  nlohmann::json body = nlohmann::json::object();
  if (!person_id.empty()) {
    body["personId"] = person_id;
  } else {
    body["workspaceId"] = workspace_id;
  }
  return body;
}

}  // namespace

std::vector<MacStatus> HttpWebexApi::validate_macs(const std::vector<std::string>& macs) {
  std::vector<MacStatus> out;
  for (std::size_t first = 0; first < macs.size(); first += page_size::kValidateMacsBatch) {
    std::size_t last = std::min(macs.size(), first + page_size::kValidateMacsBatch);
    std::vector<std::string> batch(macs.begin() + static_cast<std::ptrdiff_t>(first),
                                   macs.begin() + static_cast<std::ptrdiff_t>(last));
    // Read-only despite being a POST: safe to repeat.
    auto response = m_client.post("/telephony/config/devices/actions/validateMacs/invoke", {{"macs", batch}},
                                  Idempotency::Idempotent);
    std::vector<MacStatus> listed;
    if (response.body.is_object()) {
      auto it = response.body.find("macStatus");
      if (it != response.body.end() && it->is_array()) {
        for (const auto& entry : *it) {
          listed.push_back(mac_status_from_json(entry));
        }
      }
    }
    // macStatus may be absent (status OK) or list only some MACs: those not listed are available.
    std::vector<bool> used(listed.size(), false);
    for (const auto& mac : batch) {
      std::string normal = normalize_mac(mac).value_or(upper(mac));
      auto match = std::find_if(listed.begin(), listed.end(), [&](const MacStatus& s) {
        return !used[static_cast<std::size_t>(&s - listed.data())] && s.mac == normal;
      });
      if (match != listed.end()) {
        used[static_cast<std::size_t>(match - listed.begin())] = true;
        out.push_back(*match);
      } else {
        out.push_back(MacStatus{normal, "AVAILABLE", std::nullopt, {}});
      }
    }
  }
  return out;
}

std::optional<LiveDevice> HttpWebexApi::find_created(const CreateDeviceByMac& request) {
  const std::string& mac = request.mac;
  for (int attempt = 0; attempt < kLookupAttempts; ++attempt) {
    if (attempt > 0) {
      std::this_thread::sleep_for(m_client.config().backoff_base * (1 << attempt));
    }
    DeviceQuery query;
    query.mac = mac;
    for (auto& device : list_devices(query)) {
      if (device.mac == mac) {
        if (device.model.empty()) {
          device.model = request.model;
        }
        return device;
      }
    }
    auto owned = request.person_id.empty() ? list_workspace_devices(request.workspace_id)
                                           : list_person_devices(request.person_id);
    for (const auto& o : owned) {
      if (o.mac == mac) {
        LiveDevice device;
        device.id = o.id;
        device.calling_device_id = o.id;
        device.mac = o.mac;
        device.model = o.model.empty() ? request.model : o.model;
        device.person_id = request.person_id;
        device.workspace_id = request.workspace_id;
        device.activation_state = o.activation_state;
        device.tags = o.tags;
        device.webex_aware = false;
        return device;
      }
    }
  }
  return std::nullopt;
}

LiveDevice HttpWebexApi::create_device_by_mac(const CreateDeviceByMac& raw) {
  check_one_owner(raw.person_id, raw.workspace_id, "create_device_by_mac");
  CreateDeviceByMac request = raw;
  request.mac = normalize_mac(raw.mac).value_or(raw.mac);
  nlohmann::json body = owner_body(request.person_id, request.workspace_id);
  body["mac"] = request.mac;
  body["model"] = request.model;

  std::optional<ApiError> uncertain;
  int status = 0;
  try {
    auto response = m_client.post("/devices", body, Idempotency::NotIdempotent);
    status = response.status;
    if (response.body.is_object() && !string_of(response.body, "id").empty()) {
      auto device = live_device_from_json(response.body);
      if (device.model.empty()) {
        device.model = request.model;
      }
      return device;
    }
    spdlog::info("POST /devices answered {} without a device; looking up MAC {}", status, request.mac);
  } catch (const ApiError& e) {
    if (e.status() != 0 && e.status() < 500) {
      throw;  // a definite refusal
    }
    spdlog::warn("outcome of creating MAC {} is unknown ({}); looking it up before deciding", request.mac,
                 e.what());
    uncertain = e;
  }

  std::optional<LiveDevice> found;
  try {
    found = find_created(request);
  } catch (const ApiError& e) {
    if (!uncertain) {
      throw;
    }
    spdlog::warn("looking up MAC {} failed too: {}", request.mac, e.what());
  }
  if (found) {
    return *found;
  }
  if (uncertain) {
    throw *uncertain;  // not created, as far as Webex shows: the caller may try again later
  }
  throw ApiError(status, "POST", "/devices",
                 "Webex accepted the device with MAC " + request.mac +
                     " but it is not visible in GET /devices?mac= nor in its owner's device list");
}

ActivationCode HttpWebexApi::create_activation_code(const CreateActivationCode& request) {
  check_one_owner(request.person_id, request.workspace_id, "create_activation_code");
  nlohmann::json body = owner_body(request.person_id, request.workspace_id);
  body["model"] = request.model;  // without it the code works only on RoomOS devices
  auto response = m_client.post("/devices/activationCode", body, Idempotency::NotIdempotent);
  ActivationCode code{string_of(response.body, "code"), string_of(response.body, "expiryTime")};
  if (code.code.empty()) {
    throw ApiError(response.status, "POST", "/devices/activationCode",
                   "the response carries no activation code");
  }
  return code;
}

LiveDevice HttpWebexApi::replace_device_tags(const std::string& device_id,
                                             const std::vector<std::string>& tags) {
  // An array of operations (the schema's form, WEBEX_API.md section 12); replace with [] clears the tags.
  nlohmann::json ops =
      nlohmann::json::array({{{"op", "replace"}, {"path", "tags"}, {"value", nlohmann::json(tags)}}});
  const std::string path = "/devices/" + path_segment(device_id);
  auto response = m_client.patch(path, ops, Idempotency::Idempotent);
  if (response.body.is_object()) {
    return live_device_from_json(response.body);
  }
  if (auto device = get_device(device_id)) {
    return *device;
  }
  throw ApiError(404, "GET", "/devices/" + path_segment(device_id),
                 "device not found after updating its tags");
}

void HttpWebexApi::delete_device(const std::string& device_id) {
  try {
    m_client.del("/devices/" + path_segment(device_id));
  } catch (const ApiError& e) {
    if (e.status() != 404) {
      throw;
    }
    // Already gone: what a re-run after an interrupted apply expects.
  }
}

}  // namespace wx::webex_detail

namespace wx {

std::unique_ptr<WebexApi> make_http_webex_api(const ClientConfig& config) {
  return std::make_unique<webex_detail::HttpWebexApi>(config);
}

}  // namespace wx
