#pragma once
#include <optional>
#include <string>
#include <vector>

#include "wxphones/webex/webex_api.h"
#include "wxphones/webex/webex_client.h"

namespace wx::webex_detail {

// WebexApi over WebexClient. Reads live in http_webex_reads.cpp, writes in http_webex_writes.cpp,
// layouts and templates in http_webex_layouts.cpp, device jobs in http_webex_jobs.cpp.
class HttpWebexApi final : public WebexApi {
 public:
  explicit HttpWebexApi(const ClientConfig& config) : m_client(config) {}

  std::vector<LiveDevice> list_devices(const DeviceQuery& query) override;
  std::vector<LiveDevice> get_devices_by_ids(const std::vector<std::string>& ids) override;
  std::vector<OwnerDevice> list_person_devices(const std::string& person_id) override;
  std::vector<OwnerDevice> list_workspace_devices(const std::string& workspace_id) override;
  std::optional<Person> find_person_by_email(const std::string& email) override;
  std::vector<Workspace> find_workspaces_by_name(const std::string& display_name) override;
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

 private:
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
