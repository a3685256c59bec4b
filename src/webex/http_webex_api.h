#pragma once
#include <optional>
#include <string>
#include <vector>

#include "wxphones/webex/webex_api.h"
#include "wxphones/webex/webex_client.h"

namespace wx::webex_detail {

// WebexApi over WebexClient. Reads live in http_webex_reads.cpp, writes in http_webex_writes.cpp,
// layouts and templates in http_webex_layouts.cpp, device jobs in http_webex_jobs.cpp, customizations,
// owner settings and hoteling in http_webex_settings.cpp, dynamic settings in
// http_webex_dynamic_settings.cpp, deviceConfigurations in http_webex_configurations.cpp, members and
// applyChanges in http_webex_members.cpp.
class HttpWebexApi final : public WebexApi {
 public:
  explicit HttpWebexApi(const ClientConfig& config) : m_client(config) {}

  std::vector<LiveDevice> list_devices(const DeviceQuery& query) override;
  std::vector<LiveDevice> get_devices_by_ids(const std::vector<std::string>& ids) override;
  std::vector<OwnerDevice> list_person_devices(const std::string& person_id) override;
  std::vector<OwnerDevice> list_workspace_devices(const std::string& workspace_id) override;
  std::optional<Person> find_person_by_email(const std::string& email) override;
  std::vector<Workspace> find_workspaces_by_name(const std::string& display_name) override;
  std::vector<Person> list_people() override;
  std::vector<Workspace> list_workspaces() override;
  std::vector<Location> list_locations() override;
  ModelCatalog supported_devices() override;

  std::vector<MacStatus> validate_macs(const std::vector<std::string>& macs) override;
  LiveDevice create_device_by_mac(const CreateDeviceByMac& request) override;
  ActivationCode create_activation_code(const CreateActivationCode& request) override;
  LiveDevice replace_device_tags(const std::string& device_id, const std::vector<std::string>& tags) override;
  void delete_device(const std::string& device_id) override;

  // http_webex_layouts.cpp
  Layout get_device_layout(const std::string& device_id) override;
  void put_device_layout(const std::string& device_id, const Layout& layout) override;
  std::vector<LineKeyTemplate> list_line_key_templates() override;
  LineKeyTemplate get_line_key_template(const std::string& template_id) override;
  std::string create_line_key_template(const LineKeyTemplate& body) override;
  void update_line_key_template(const std::string& template_id, const LineKeyTemplate& body) override;
  void delete_line_key_template(const std::string& template_id) override;

  // http_webex_jobs.cpp
  int preview_apply_line_key_template(const ApplyTemplateRequest& request) override;
  DeviceJob start_apply_line_key_template_job(const ApplyTemplateRequest& request) override;
  DeviceJob get_device_job(JobFamily family, const std::string& job_id) override;
  std::vector<DeviceJob> list_device_jobs(JobFamily family) override;
  std::vector<DeviceJobError> list_device_job_errors(JobFamily family, const std::string& job_id) override;
  DeviceJob start_device_settings_job(const DeviceSettingsJobRequest& request) override;
  DeviceJob start_dynamic_settings_job(const DynamicSettingsJobRequest& request) override;
  DeviceJob start_rebuild_phones_job(const std::string& location_id) override;

  // http_webex_settings.cpp
  ScopeCustomizations get_device_customizations(const std::string& device_id,
                                                const std::string& model) override;
  void put_device_customizations(const std::string& device_id, const std::string& model,
                                 const ScopeCustomizations& body) override;
  ScopeCustomizations get_location_customizations(const std::string& location_id) override;
  ScopeCustomizations get_org_customizations() override;
  OwnerDeviceSettings get_person_device_settings(const std::string& person_id) override;
  void put_person_device_settings(const std::string& person_id, const OwnerDeviceSettings& body) override;
  OwnerDeviceSettings get_workspace_device_settings(const std::string& workspace_id) override;
  void put_workspace_device_settings(const std::string& workspace_id,
                                     const OwnerDeviceSettings& body) override;
  void put_person_hoteling(const std::string& person_id, const Hoteling& hoteling) override;
  void put_workspace_hoteling(const std::string& workspace_id, const Hoteling& hoteling) override;

  // http_webex_dynamic_settings.cpp
  DynamicSettingsSchema get_dynamic_settings_schema(const std::string& family) override;
  std::vector<DynamicSetting> get_org_dynamic_settings(const std::string& family,
                                                       const std::vector<std::string>& tags) override;
  std::vector<DynamicSetting> get_location_dynamic_settings(const std::string& location_id,
                                                            const std::string& family,
                                                            const std::vector<std::string>& tags) override;
  std::vector<DynamicSetting> get_device_dynamic_settings(const std::string& device_id,
                                                          const std::vector<std::string>& tags) override;
  void put_device_dynamic_settings(const std::string& device_id,
                                   const std::vector<DynamicSettingChange>& changes) override;

  // http_webex_configurations.cpp
  DeviceConfigurations get_device_configurations(const std::string& device_id,
                                                 const std::vector<std::string>& keys) override;
  void patch_device_configurations(const std::string& device_id,
                                   const std::vector<ConfigurationPatch>& patch) override;

  // http_webex_members.cpp
  DeviceMembers get_device_members(const std::string& device_id) override;
  void put_device_members(const std::string& device_id, const std::vector<DeviceMember>& members) override;
  std::vector<AvailableMember> search_available_members(const std::string& device_id,
                                                        const std::string& name) override;
  void apply_changes(const std::string& device_id) override;

  // http_webex_messages.cpp
  std::string post_message(const std::string& room_id, const std::string& markdown) override;

 private:
  // POST of a device job. Never repeated blindly: a 409 or other 4xx reaches the caller; when the
  // outcome is unknown (no response, 5xx, 2xx without a job) the single running job of that family is
  // the one just started (one device job runs per org); otherwise the original error is thrown.
  DeviceJob start_job(JobFamily family, const nlohmann::json& body);
  // getSettings POSTs: read-only actions, so retried like GETs.
  std::vector<DynamicSetting> post_get_settings(const std::string& path, const QueryParams& query,
                                                const std::vector<std::string>& tags);

  std::optional<LiveDevice> get_device(const std::string& id);  // nullopt on 404
  // After a create whose outcome is unknown: the device with this MAC, from /devices or the owner's
  // telephony listing (phones that are not yet Webex-aware appear only there).
  std::optional<LiveDevice> find_created(const CreateDeviceByMac& request);
  // After a template create whose outcome is unknown: the ids of templates with its templateName (and
  // model); empty when none shows up.
  std::vector<std::string> find_created_template(const LineKeyTemplate& body);

  WebexClient m_client;
};

}  // namespace wx::webex_detail
