#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace wx {

// A stable 64-bit FNV-1a digest as 16 hex digits: saved plans record what they read with it and
// compare later. Not cryptographic: it detects change, it does not resist forgery.
class Digest {
 public:
  Digest& add(std::string_view bytes);
  std::string hex() const;

 private:
  std::uint64_t m_state = 14695981039346656037ull;
};

inline std::string digest_of(std::string_view bytes) {
  return Digest().add(bytes).hex();
}

}  // namespace wx
