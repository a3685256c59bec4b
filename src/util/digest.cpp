#include "wxphones/util/digest.h"

#include <cstdio>

namespace wx {

Digest& Digest::add(std::string_view bytes) {
  for (unsigned char c : bytes) {
    m_state ^= c;
    m_state *= 1099511628211ull;
  }
  // A separator, so ("ab","c") and ("a","bc") differ.
  m_state ^= 0xff;
  m_state *= 1099511628211ull;
  return *this;
}

std::string Digest::hex() const {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(m_state));
  return out;
}

}  // namespace wx
