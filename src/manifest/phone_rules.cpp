#include "manifest/phone_rules.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

#include "manifest/json_access.h"

namespace wx::manifest {

namespace {

std::string mac_text(const std::string& digits) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i % 2 == 0) out.push_back(':');
    out.push_back(digits[i]);
  }
  return out;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string joined_words(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += (i + 1 == words.size()) ? " and " : ", ";
    out += words[i];
  }
  return out.empty() ? "nothing" : out;
}

}  // namespace

std::string offered_onboarding(const DeviceModel& model) {
  std::vector<std::string> words;
  if (model.supports_onboarding("MAC_ADDRESS")) words.push_back("MAC address");
  if (model.supports_onboarding("ACTIVATION_CODE")) words.push_back("activation code");
  return joined_words(words);
}

std::string offered_owners(const DeviceModel& model) {
  std::vector<std::string> words;
  if (model.supports_owner("PEOPLE")) words.push_back("people");
  if (model.supports_owner("PLACE")) words.push_back("workspaces");
  return joined_words(words);
}

void check_phones_together(DecodeContext& ctx) {
  std::map<std::string, const DesiredPhone*> by_mac;
  using OwnerModel = std::tuple<OwnerRef::Kind, std::string, std::string>;
  std::map<OwnerModel, const DesiredPhone*> by_owner_model;
  for (const DesiredPhone& phone : ctx.desired.phones) {
    if (phone.mac) {
      auto [it, inserted] = by_mac.emplace(*phone.mac, &phone);
      if (!inserted) {
        ctx.error(phone.location_of("spec.mac"), "spec.mac",
                  "MAC " + mac_text(*phone.mac) + " is also used by phone \"" + it->second->name +
                      "\" (declared at " + location_text(it->second->location_of("spec.mac")) + ")");
      }
    }
    if (phone.onboarding == Onboarding::ActivationCode && !phone.owner.name.empty() && !phone.model.empty()) {
      const DeviceModel* model = ctx.catalog.find(phone.model);
      std::string model_key = model != nullptr ? model->model : phone.model;
      std::string owner_key =
          phone.owner.kind == OwnerRef::Kind::Person ? lower(phone.owner.name) : phone.owner.name;
      auto [it, inserted] =
          by_owner_model.emplace(OwnerModel{phone.owner.kind, owner_key, model_key}, &phone);
      if (!inserted) {
        ctx.error(phone.location_of("spec.onboarding"), "spec.onboarding",
                  "phone \"" + it->second->name + "\" (declared at " + location_text(it->second->where) +
                      ") is also an activation-code " +
                      (model != nullptr ? model->display_name : phone.model) + " of " + phone.owner.name +
                      "; the two could not be told apart before activation: give one a MAC instead");
      }
    }
  }
}

}  // namespace wx::manifest
