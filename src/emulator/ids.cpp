#include "emulator/ids.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

namespace wx::emulator {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int alphabet_index(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;  // URL-safe variants are tolerated on input
  if (c == '/' || c == '_') return 63;
  return -1;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out;
  std::size_t i = 0;
  while (i + 2 < bytes.size()) {
    auto n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
             static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
    i += 3;
  }
  std::size_t rest = bytes.size() - i;
  if (rest == 1) {
    auto n = static_cast<unsigned char>(bytes[i]) << 16;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += "==";
  } else if (rest == 2) {
    auto n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  unsigned int buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v = alphabet_index(c);
    if (v < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned int>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

std::string make_id(std::string_view kind, std::string_view uuid) {
  std::string plain = "ciscospark://us/";
  plain += kind;
  plain += '/';
  plain += uuid;
  auto id = base64_encode(plain);
  // Like Webex: most ids come unpadded, CALLING_DEVICE ids padded (the spec's examples), so
  // clients must compare decoded ids rather than strings.
  if (kind != "CALLING_DEVICE") {
    while (!id.empty() && id.back() == '=') id.pop_back();
  }
  return id;
}

std::optional<DecodedId> decode_id(std::string_view id) {
  auto plain = base64_decode(id);
  constexpr std::string_view prefix = "ciscospark://";
  if (!plain || plain->rfind(prefix, 0) != 0) return std::nullopt;
  std::string_view rest = std::string_view(*plain).substr(prefix.size());
  auto last = rest.rfind('/');
  if (last == std::string_view::npos || last == 0) return std::nullopt;
  auto kind_start = rest.rfind('/', last - 1);
  if (kind_start == std::string_view::npos) return std::nullopt;
  DecodedId out;
  out.cluster = std::string(rest.substr(0, kind_start));
  out.kind = std::string(rest.substr(kind_start + 1, last - kind_start - 1));
  out.uuid = lower(rest.substr(last + 1));
  if (out.cluster.empty() || out.kind.empty() || out.uuid.empty()) return std::nullopt;
  return out;
}

std::optional<std::string> uuid_of(std::string_view id, std::string_view kind, std::string_view alias) {
  auto decoded = decode_id(id);
  if (!decoded) return std::nullopt;
  if (decoded->kind != kind && (alias.empty() || decoded->kind != alias)) return std::nullopt;
  return decoded->uuid;
}

std::string IdGenerator::uuid() {
  std::uint64_t hi = m_rng();
  std::uint64_t lo = m_rng();
  hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // variant
  std::array<char, 40> buf{};
  std::snprintf(buf.data(), buf.size(), "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                static_cast<unsigned>(lo >> 48), static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return std::string(buf.data());
}

std::string IdGenerator::digits(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += static_cast<char>('0' + m_rng() % 10);
  if (!out.empty() && out[0] == '0') out[0] = '5';  // never a leading zero: it must survive numeric parsing
  return out;
}

std::string IdGenerator::tracking_id() {
  return "EMULATOR_" + uuid();
}

}  // namespace wx::emulator
