#pragma once
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "emulator/clock.h"
#include "emulator/config_state.h"
#include "emulator/ids.h"
#include "emulator/settings_state.h"
#include "emulator/tokens.h"
#include "wxphones/model/device_model.h"

namespace wx::emulator {

// The answer to a configuration write on a PhoneOS phone that has never been online (§13).
// Webex documents nothing here, so status, code and message are seed options.
struct ConfigRefusal {
  int status = 409;
  int error_code = 4008;
  std::string message = "The device has not come online yet; configuration is accepted after it registers.";
};

// Emulated-time delays of the phone lifecycle (docs/emulator.md). nullopt = only the control
// API moves the phone on.
struct Lifecycle {
  std::optional<std::int64_t> mac_online_after_ms = 20'000;
  std::optional<std::int64_t> activation_code_used_after_ms;
  std::int64_t online_after_activation_ms = 5'000;
  bool phone_os_webex_aware_after_online = false;  // 98xx hidden from GET /devices until first online
  ConfigRefusal phone_os_config_before_online;
};

struct RateLimitConfig {
  double requests_per_second = 0;  // 0 = off
  int burst = 0;                   // 0 = max(1, requests_per_second)
};

struct Location {
  std::string uuid;
  std::string name;
  std::string time_zone = "America/Los_Angeles";
  std::string preferred_language = "en_us";
  nlohmann::json address;  // object from the seed, or null (then omitted)
};

struct Person {
  std::string uuid;
  std::string email;
  std::string first_name;
  std::string last_name;
  std::string display_name;
  std::string location_uuid;
  std::string extension;
  std::int64_t created_ms = 0;
};

struct Workspace {
  std::string uuid;
  std::string display_name;
  std::string location_uuid;
  std::int64_t created_ms = 0;
};

// A phone's programmable line key and KEM layout (WEBEX_API §6.7), as stored after a PUT: line
// keys sorted by index, KEM keys expanded with OPEN for every key not sent (the read-back rule).
struct Layout {
  std::string mode = "DEFAULT";  // DEFAULT | CUSTOM
  std::optional<bool> user_reorder_enabled;
  nlohmann::json line_keys = nlohmann::json::array();
  std::string kem_module_type;  // empty = none
  nlohmann::json kem_keys = nlohmann::json::array();
};

// Makes a phone fail in device jobs (control API), so clients can test their error reporting.
struct JobFailure {
  int status = 500;
  std::string description = "Emulated failure of this device.";
  std::optional<std::string> code;  // error.message[].code; null when absent (as in §6.9's sample)
};

struct Hoteling {
  bool enabled = false;
  bool limit_guest_use = false;
  int guest_hours_limit = 12;
};

struct Device {
  std::string uuid;     // shared by the DEVICE and CALLING_DEVICE forms
  std::string mac;      // 12 upper-case hex digits; empty until an activation code is used
  std::string model;    // supportedDevices model, "DMS Cisco 8851"
  std::string product;  // its display name, "Cisco 8851"
  std::string display_name;
  std::string person_uuid;  // exactly one of person/workspace is set
  std::string workspace_uuid;
  std::string location_uuid;
  std::vector<std::string> tags;
  std::string connection_status = "disconnected";
  std::string ip;
  std::string serial;
  std::string software;
  std::int64_t created_ms = 0;
  std::optional<std::int64_t> first_seen_ms;
  std::optional<std::int64_t> last_seen_ms;
  bool ever_online = false;
  // Onboarding by activation code: "activating" until used, then "activated".
  std::string activation_code;
  std::string activation_state;
  // Pending lifecycle events, in emulated time.
  std::optional<std::int64_t> online_at_ms;
  std::optional<std::int64_t> code_use_at_ms;
  Hoteling hoteling;
  Layout layout;
  std::optional<JobFailure> job_failure;
  DeviceSettingsState settings;  // customizations, dynamic settings (settings_state.h)
  DeviceConfigState config;      // deviceConfigurations, members (config_state.h)
};

struct LineKeyTemplate {
  std::string uuid;
  std::string name;
  std::string model;  // supportedDevices model string
  std::string display_name;
  bool user_reorder_enabled = false;
  nlohmann::json line_keys = nlohmann::json::array();
};

// Device job durations in emulated time (seed `jobs:`): a job stays STARTING for start_delay, then
// processes its devices evenly over max(min_duration, devices x per_device).
struct JobTiming {
  std::int64_t start_delay_ms = 1'000;
  std::int64_t per_device_ms = 200;
  std::int64_t min_duration_ms = 3'000;
};

struct JobError {
  std::string device_uuid;
  std::string location_uuid;
  std::string tracking_id;
  JobFailure failure;
};

// One asynchronous device job (WEBEX_API §6.9). Its progress is played lazily by settle_jobs().
struct DeviceJob {
  std::string uuid;
  std::string family;  // URL segment: "applyLineKeyTemplate"
  std::string name;    // job name: "applyphonelinekeytemplates"
  std::string tracking_id;
  int instance_id = 0;
  std::int64_t created_ms = 0;
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
  std::int64_t last_updated_ms = 0;
  std::vector<std::string> device_uuids;  // selected when the job was posted
  std::size_t processed = 0;
  int updated = 0;
  std::vector<JobError> errors;
  // What applying does to one device lives in the job's JobAction (jobs.h), held by the settings state.
  std::string status = "STARTING";  // STARTING | STARTED | COMPLETED | FAILED
  bool finished = false;
};

struct ActivationCode {
  std::string code;
  std::int64_t expiry_ms = 0;
  std::string device_uuid;
  bool used = false;
};

struct Org {
  std::string uuid;
  std::string name = "Emulated Org";
  std::vector<std::string> access_tokens;
  std::optional<OAuthClient> oauth_client;  // seed `oauth:`: the refresh grant POST /access_token takes
  Lifecycle lifecycle;
  RateLimitConfig rate_limit;
  std::vector<Location> locations;
  std::vector<Person> people;
  std::vector<Workspace> workspaces;
  std::vector<Device> devices;
  std::vector<ActivationCode> activation_codes;
  std::vector<LineKeyTemplate> line_key_templates;
  std::vector<DeviceJob> jobs;
  JobTiming job_timing;
  std::string admin_uuid;            // sourceUserId of jobs; generated on first use
  nlohmann::json supported_devices;  // the GET /telephony/config/supportedDevices body
  ModelCatalog catalog;              // parsed from supported_devices
  OrgSettingsState settings;         // org/location customizations, dynamic settings, compression
  OrgConfigState config;             // configuration catalog per model, ...
};

// The organisation plus what every route needs. One mutex guards all of it: requests are few
// and short, and a single lock keeps every multi-object change atomic. Lookups take any ID form
// (padded or not; DEVICE or CALLING_DEVICE) and assume the caller holds `mutex`.
class State {
 public:
  explicit State(double time_scale = 1.0) : clock(time_scale) {}

  std::mutex mutex;
  Org org;
  EmulatedClock clock;
  IdGenerator ids;

  std::string org_id() const { return make_id("ORGANIZATION", org.uuid); }

  Device* device_by_id(std::string_view id);
  Device* device_by_uuid(std::string_view uuid);
  Device* device_by_mac(std::string_view mac_any_format);
  Person* person_by_id(std::string_view id);
  Person* person_by_uuid(std::string_view uuid);
  const Person* person_by_uuid(std::string_view uuid) const;
  Person* person_by_email(std::string_view email);
  Workspace* workspace_by_id(std::string_view id);
  Workspace* workspace_by_uuid(std::string_view uuid);
  const Workspace* workspace_by_uuid(std::string_view uuid) const;
  Workspace* workspace_by_name(std::string_view display_name);
  Location* location_by_id(std::string_view id);
  Location* location_by_uuid(std::string_view uuid);
  const Location* location_by_uuid(std::string_view uuid) const;
  Location* location_by_name(std::string_view name);
  ActivationCode* activation_code(std::string_view code);
  LineKeyTemplate* template_by_id(std::string_view id);
  DeviceJob* job_by_id(std::string_view id, std::string_view family);
  bool remove_device(std::string_view uuid);

  const DeviceModel* model_of(const Device& device) const { return org.catalog.find(device.model); }
  bool phone_os(const Device& device) const;
  // False for a PhoneOS phone that is not yet Webex-aware (WEBEX_API §9), when the seed asks for it.
  bool visible_in_devices_api(const Device& device) const;
};

}  // namespace wx::emulator
