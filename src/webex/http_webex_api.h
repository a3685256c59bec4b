#pragma once
#include <optional>
#include <string>
#include <vector>

#include "wxphones/webex/webex_api.h"
#include "wxphones/webex/webex_client.h"

namespace wx::webex_detail {

// WebexApi over WebexClient. Reads live in http_webex_reads.cpp, writes in http_webex_writes.cpp.
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

 private:
  std::optional<LiveDevice> get_device(const std::string& id);  // nullopt on 404
  // After a create whose outcome is unknown: the device with this MAC, from /devices or the owner's
  // telephony listing (phones that are not yet Webex-aware appear only there).
  std::optional<LiveDevice> find_created(const CreateDeviceByMac& request);

  WebexClient m_client;
};

}  // namespace wx::webex_detail
