#pragma once
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace wx::webex_detail {

struct HttpRequest {
  std::string method;
  std::string url;                   // absolute
  std::vector<std::string> headers;  // "Name: value"
  std::optional<std::string> body;
};

struct HttpResponse {
  long status = 0;
  std::multimap<std::string, std::string> headers;  // names lower-case
  std::string body;

  std::optional<std::string> header(const std::string& lower_name) const;
  std::vector<std::string> headers_named(const std::string& lower_name) const;
};

// No HTTP response: DNS, connect, TLS, timeout, reset. The message never contains request headers.
class TransportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The server sent more than we accept to read: asking again would get the same answer.
class ResponseTooLarge : public TransportError {
 public:
  using TransportError::TransportError;
};

// libcurl with connection reuse (a pool of easy handles over one shared connection cache) and a bound on
// requests in flight across all threads. TLS peer and host verification are always on.
class CurlTransport {
 public:
  CurlTransport(int max_in_flight, std::chrono::milliseconds timeout);
  ~CurlTransport();
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  // Blocks while max_in_flight requests are running. Throws TransportError when there is no response.
  HttpResponse perform(const HttpRequest& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace wx::webex_detail
