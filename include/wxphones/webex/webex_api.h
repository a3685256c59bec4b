#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "wxphones/model/device_job.h"
#include "wxphones/model/layout.h"
#include "wxphones/model/live.h"
#include "wxphones/webex/api_error.h"

namespace wx {

// The narrow seam between wxphones and Webex. The libcurl implementation (make_http_webex_api)
// talks to Webex or the emulator; unit tests of the core use an in-memory fake.
// Every method throws ApiError on failure. Implementations are safe to call from many threads.

struct DeviceQuery {  // filters of GET /devices; empty fields are not sent
  std::string person_id;
  std::string workspace_id;
  std::string location_id;
  std::string mac;
  std::string tag;
  std::string type;  // "phone"
};

struct CreateDeviceByMac {
  std::string mac;  // normalised
  std::string model;
  std::string person_id;  // exactly one of person_id / workspace_id
  std::string workspace_id;
};

struct CreateActivationCode {
  std::string model;
  std::string person_id;  // exactly one of person_id / workspace_id
  std::string workspace_id;
};

struct ActivationCode {
  std::string code;
  std::string expiry_time;  // ISO 8601
};

class WebexApi {
 public:
  virtual ~WebexApi() = default;

  // Reads.
  virtual std::vector<LiveDevice> list_devices(const DeviceQuery& query) = 0;  // all pages
  virtual std::vector<LiveDevice> get_devices_by_ids(const std::vector<std::string>& ids) = 0;  // status polling
  virtual std::vector<OwnerDevice> list_person_devices(const std::string& person_id) = 0;
  virtual std::vector<OwnerDevice> list_workspace_devices(const std::string& workspace_id) = 0;
  virtual std::optional<Person> find_person_by_email(const std::string& email) = 0;
  virtual std::vector<Workspace> find_workspaces_by_name(const std::string& display_name) = 0;  // exact matches
  virtual std::vector<Location> list_locations() = 0;
  virtual ModelCatalog supported_devices() = 0;

  // Writes.
  virtual std::vector<MacStatus> validate_macs(const std::vector<std::string>& macs) = 0;
  // Never repeated blindly: when the outcome is unknown (no response, 5xx, empty body) the
  // implementation re-reads GET /devices?mac= to find the device, and throws only if it is absent.
  virtual LiveDevice create_device_by_mac(const CreateDeviceByMac& request) = 0;
  virtual ActivationCode create_activation_code(const CreateActivationCode& request) = 0;
  virtual LiveDevice replace_device_tags(const std::string& device_id, const std::vector<std::string>& tags) = 0;
  virtual void delete_device(const std::string& device_id) = 0;

  // Layouts and line key templates (WEBEX_API.md §6.7, §6.8). device_id: the calling id or /devices id.
  virtual Layout get_device_layout(const std::string& device_id) = 0;
  virtual void put_device_layout(const std::string& device_id, const Layout& layout) = 0;
  virtual std::vector<LineKeyTemplate> list_line_key_templates() = 0;  // without keys
  virtual LineKeyTemplate get_line_key_template(const std::string& template_id) = 0;
  // Returns the new id. Never repeated blindly: on an unknown outcome, re-lists by templateName.
  virtual std::string create_line_key_template(const LineKeyTemplate& body) = 0;
  virtual void update_line_key_template(const std::string& template_id, const LineKeyTemplate& body) = 0;
  virtual void delete_line_key_template(const std::string& template_id) = 0;  // 404 = already gone
  virtual int preview_apply_line_key_template(const ApplyTemplateRequest& request) = 0;  // deviceCount

  // Device jobs. Starting one while another runs in the org is an ApiError with status 409.
  virtual DeviceJob start_apply_line_key_template_job(const ApplyTemplateRequest& request) = 0;
  virtual DeviceJob get_device_job(JobFamily family, const std::string& job_id) = 0;
  virtual std::vector<DeviceJob> list_device_jobs(JobFamily family) = 0;
  virtual std::vector<DeviceJobError> list_device_job_errors(JobFamily family, const std::string& job_id) = 0;
};

struct ClientConfig;

// The libcurl implementation (src/webex). Throws std::invalid_argument for an unusable configuration
// (plain http to a non-loopback host, empty token).
std::unique_ptr<WebexApi> make_http_webex_api(const ClientConfig& config);

}  // namespace wx
