#include "http_webex_api.h"

namespace wx::webex_detail {

std::string HttpWebexApi::post_message(const std::string& room_id, const std::string& markdown) {
  const nlohmann::json body = {{"roomId", room_id}, {"markdown", markdown}};
  // Not idempotent: an unknown outcome is reported, never retried into a second message.
  auto response = m_client.post("/messages", body, Idempotency::NotIdempotent);
  if (!response.body.is_object() || !response.body.contains("id") || !response.body["id"].is_string()) {
    throw ApiError(response.status, "POST", "/messages", "the response carries no message id");
  }
  return response.body["id"].get<std::string>();
}

}  // namespace wx::webex_detail
