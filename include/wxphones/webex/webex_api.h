#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "wxphones/model/customizations.h"
#include "wxphones/model/device_configuration.h"
#include "wxphones/model/device_job.h"
#include "wxphones/model/device_members.h"
#include "wxphones/model/dynamic_settings.h"
#include "wxphones/model/hoteling.h"
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
  virtual std::vector<LiveDevice> get_devices_by_ids(
      const std::vector<std::string>& ids) = 0;  // status polling
  virtual std::vector<OwnerDevice> list_person_devices(const std::string& person_id) = 0;
  virtual std::vector<OwnerDevice> list_workspace_devices(const std::string& workspace_id) = 0;
  virtual std::optional<Person> find_person_by_email(const std::string& email) = 0;
  virtual std::vector<Workspace> find_workspaces_by_name(
      const std::string& display_name) = 0;  // exact matches
  virtual std::vector<Location> list_locations() = 0;
  // Every person / workspace of the organisation (all pages): cheaper than one lookup per owner
  // when a manifest set names many owners. A person appears once per email address.
  virtual std::vector<Person> list_people() = 0;
  virtual std::vector<Workspace> list_workspaces() = 0;
  virtual ModelCatalog supported_devices() = 0;

  // Writes.
  virtual std::vector<MacStatus> validate_macs(const std::vector<std::string>& macs) = 0;
  // Never repeated blindly: when the outcome is unknown (no response, 5xx, empty body) the
  // implementation re-reads GET /devices?mac= to find the device, and throws only if it is absent.
  virtual LiveDevice create_device_by_mac(const CreateDeviceByMac& request) = 0;
  virtual ActivationCode create_activation_code(const CreateActivationCode& request) = 0;
  virtual LiveDevice replace_device_tags(const std::string& device_id,
                                         const std::vector<std::string>& tags) = 0;
  virtual void delete_device(const std::string& device_id) = 0;

  // Layouts and line key templates (WEBEX_API.md §6.7, §6.8). device_id: the calling id or /devices id.
  virtual Layout get_device_layout(const std::string& device_id) = 0;
  virtual void put_device_layout(const std::string& device_id, const Layout& layout) = 0;
  virtual std::vector<LineKeyTemplate> list_line_key_templates() = 0;  // without keys
  virtual LineKeyTemplate get_line_key_template(const std::string& template_id) = 0;
  // Returns the new id. Never repeated blindly: on an unknown outcome, re-lists by templateName.
  virtual std::string create_line_key_template(const LineKeyTemplate& body) = 0;
  virtual void update_line_key_template(const std::string& template_id, const LineKeyTemplate& body) = 0;
  virtual void delete_line_key_template(const std::string& template_id) = 0;             // 404 = already gone
  virtual int preview_apply_line_key_template(const ApplyTemplateRequest& request) = 0;  // deviceCount

  // Device customizations (§6.6). `model` is the device's model string (sent as deviceModel, and
  // as model too on the PUT, §12).
  virtual ScopeCustomizations get_device_customizations(const std::string& device_id,
                                                        const std::string& model) = 0;
  virtual void put_device_customizations(
      const std::string& device_id, const std::string& model,
      const ScopeCustomizations& body) = 0;  // customizations + customEnabled
  virtual ScopeCustomizations get_location_customizations(const std::string& location_id) = 0;
  virtual ScopeCustomizations get_org_customizations() = 0;
  virtual OwnerDeviceSettings get_person_device_settings(const std::string& person_id) = 0;
  virtual void put_person_device_settings(const std::string& person_id, const OwnerDeviceSettings& body) = 0;
  virtual OwnerDeviceSettings get_workspace_device_settings(const std::string& workspace_id) = 0;
  virtual void put_workspace_device_settings(const std::string& workspace_id,
                                             const OwnerDeviceSettings& body) = 0;

  // Hoteling (§6.12): the two PUT bodies differ; fields left nullopt are not sent.
  virtual void put_person_hoteling(const std::string& person_id, const Hoteling& hoteling) = 0;
  virtual void put_workspace_hoteling(const std::string& workspace_id, const Hoteling& hoteling) = 0;

  // Dynamic settings (§8).
  virtual DynamicSettingsSchema get_dynamic_settings_schema(const std::string& family) = 0;  // "" = all
  virtual std::vector<DynamicSetting> get_org_dynamic_settings(const std::string& family,
                                                               const std::vector<std::string>& tags) = 0;
  virtual std::vector<DynamicSetting> get_location_dynamic_settings(const std::string& location_id,
                                                                    const std::string& family,
                                                                    const std::vector<std::string>& tags) = 0;
  virtual std::vector<DynamicSetting> get_device_dynamic_settings(const std::string& device_id,
                                                                  const std::vector<std::string>& tags) = 0;
  virtual void put_device_dynamic_settings(const std::string& device_id,
                                           const std::vector<DynamicSettingChange>& changes) = 0;

  // Device configurations (§7); device_id is the DEVICE (webexDeviceId) form. `keys` empty = all.
  virtual DeviceConfigurations get_device_configurations(const std::string& device_id,
                                                         const std::vector<std::string>& keys) = 0;
  virtual void patch_device_configurations(const std::string& device_id,
                                           const std::vector<ConfigurationPatch>& patch) = 0;  // 201 or 200

  // Members (§6.3, §6.4). The PUT is a full replacement.
  virtual DeviceMembers get_device_members(const std::string& device_id) = 0;
  virtual void put_device_members(const std::string& device_id, const std::vector<DeviceMember>& members) = 0;
  // usageType SHARED_LINE, all pages; `name` is a "contains" filter on the member's name.
  virtual std::vector<AvailableMember> search_available_members(const std::string& device_id,
                                                                const std::string& name) = 0;
  virtual void apply_changes(const std::string& device_id) = 0;  // POST .../actions/applyChanges/invoke

  // Device jobs. Starting one while another runs in the org is an ApiError with status 409.
  virtual DeviceJob start_apply_line_key_template_job(const ApplyTemplateRequest& request) = 0;
  virtual DeviceJob start_device_settings_job(const DeviceSettingsJobRequest& request) = 0;    // 200
  virtual DeviceJob start_dynamic_settings_job(const DynamicSettingsJobRequest& request) = 0;  // 202
  virtual DeviceJob start_rebuild_phones_job(const std::string& location_id) = 0;              // 202
  virtual DeviceJob get_device_job(JobFamily family, const std::string& job_id) = 0;
  virtual std::vector<DeviceJob> list_device_jobs(JobFamily family) = 0;
  virtual std::vector<DeviceJobError> list_device_job_errors(JobFamily family, const std::string& job_id) = 0;

  // Messaging (drift notifications): POST /messages to a space; returns the message id. Not
  // idempotent: a repeat would post twice, so it is never retried blindly.
  virtual std::string post_message(const std::string& room_id, const std::string& markdown) = 0;
};

struct ClientConfig;

// The libcurl implementation (src/webex). Throws std::invalid_argument for an unusable configuration
// (plain http to a non-loopback host, empty token).
std::unique_ptr<WebexApi> make_http_webex_api(const ClientConfig& config);

}  // namespace wx
