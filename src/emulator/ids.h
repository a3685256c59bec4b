#pragma once
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace wx::emulator {

// Webex public IDs: base64 of "ciscospark://us/KIND/uuid" (WEBEX_API §4). Padding varies in the
// wild, so decoding accepts both; comparisons go through the decoded (kind, uuid).
struct DecodedId {
  std::string cluster;  // "us" or a region URN
  std::string kind;     // PEOPLE, PLACE, LOCATION, DEVICE, CALLING_DEVICE, ...
  std::string uuid;     // lower-case
};

// Cluster "us"; unpadded except CALLING_DEVICE, which Webex's examples show padded.
std::string make_id(std::string_view kind, std::string_view uuid);
std::optional<DecodedId> decode_id(std::string_view id);

// The uuid when `id` decodes to one of the two kinds (e.g. PEOPLE/PERSON, DEVICE/CALLING_DEVICE).
std::optional<std::string> uuid_of(std::string_view id, std::string_view kind, std::string_view alias = {});

std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);  // padded or not

// Deterministic ids and codes, so that a seed gives the same IDs on every run (stable demos).
class IdGenerator {
 public:
  explicit IdGenerator(std::uint64_t seed = 0x5eedULL) : m_rng(seed) {}
  std::string uuid();                 // random v4-shaped, lower-case
  std::string digits(std::size_t n);  // activation codes
  std::string tracking_id();          // EMULATOR_<uuid>

 private:
  std::mt19937_64 m_rng;
};

}  // namespace wx::emulator
