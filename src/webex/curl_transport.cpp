#include "curl_transport.h"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <condition_variable>
#include <mutex>

namespace wx::webex_detail {

namespace {

void global_init_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string trim(std::string text) {
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  text.erase(text.begin(), std::find_if(text.begin(), text.end(), not_space));
  text.erase(std::find_if(text.rbegin(), text.rend(), not_space).base(), text.end());
  return text;
}

// No Webex response comes near this (a page of 1,000 devices is about 1 MB); a server that sends more,
// or a gzip bomb (curl decompresses before this callback), must not exhaust our memory.
constexpr std::size_t kMaxResponseBytes = std::size_t{64} << 20;

struct BodySink {
  std::string& body;
  bool too_large = false;
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<BodySink*>(user);
  if (sink->body.size() + size * count > kMaxResponseBytes) {
    sink->too_large = true;
    return 0;  // curl stops with CURLE_WRITE_ERROR
  }
  sink->body.append(data, size * count);
  return size * count;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* headers = static_cast<std::multimap<std::string, std::string>*>(user);
  std::string line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {
    headers->clear();  // a new response (e.g. after 100 Continue): keep only the final one's headers
    return size * count;
  }
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    headers->emplace(trim(name), trim(line.substr(colon + 1)));
  }
  return size * count;
}

// A counting semaphore whose bound is chosen at run time.
class Slots {
 public:
  explicit Slots(int count) : m_free(std::max(1, count)) {}
  void acquire() {
    std::unique_lock lock(m_mutex);
    m_cv.wait(lock, [this] { return m_free > 0; });
    --m_free;
  }
  void release() {
    {
      std::lock_guard lock(m_mutex);
      ++m_free;
    }
    m_cv.notify_one();
  }

 private:
  std::mutex m_mutex;
  std::condition_variable m_cv;
  int m_free;
};

}  // namespace

std::optional<std::string> HttpResponse::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  if (it == headers.end()) {
    return std::nullopt;
  }
  return it->second;
}

std::vector<std::string> HttpResponse::headers_named(const std::string& lower_name) const {
  std::vector<std::string> out;
  auto [first, last] = headers.equal_range(lower_name);
  for (auto it = first; it != last; ++it) {
    out.push_back(it->second);
  }
  return out;
}

struct CurlTransport::Impl {
  std::chrono::milliseconds timeout;
  Slots slots;
  long max_connections;
  CURLSH* share = nullptr;
  std::array<std::mutex, CURL_LOCK_DATA_LAST> share_locks;
  std::mutex pool_mutex;
  std::vector<CURL*> pool;  // idle easy handles; each keeps its connections alive for the next request

  Impl(int max_in_flight, std::chrono::milliseconds t)
      : timeout(t), slots(max_in_flight), max_connections(std::max(5L, static_cast<long>(max_in_flight))) {
    global_init_once();
    share = curl_share_init();
    if (share == nullptr) {
      throw std::runtime_error("curl_share_init failed");
    }
    curl_share_setopt(share, CURLSHOPT_LOCKFUNC, &Impl::lock);
    curl_share_setopt(share, CURLSHOPT_UNLOCKFUNC, &Impl::unlock);
    curl_share_setopt(share, CURLSHOPT_USERDATA, this);
    curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
    curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  }

  ~Impl() {
    for (CURL* easy : pool) {
      curl_easy_cleanup(easy);
    }
    curl_share_cleanup(share);
  }

  static void lock(CURL*, curl_lock_data data, curl_lock_access, void* user) {
    static_cast<Impl*>(user)->share_locks.at(static_cast<std::size_t>(data)).lock();
  }
  static void unlock(CURL*, curl_lock_data data, void* user) {
    static_cast<Impl*>(user)->share_locks.at(static_cast<std::size_t>(data)).unlock();
  }

  CURL* take_handle() {
    {
      std::lock_guard lock(pool_mutex);
      if (!pool.empty()) {
        CURL* easy = pool.back();
        pool.pop_back();
        curl_easy_reset(easy);
        return easy;
      }
    }
    CURL* easy = curl_easy_init();
    if (easy == nullptr) {
      throw TransportError("curl_easy_init failed");
    }
    return easy;
  }

  void give_back(CURL* easy) {
    std::lock_guard lock(pool_mutex);
    pool.push_back(easy);
  }
};

CurlTransport::CurlTransport(int max_in_flight, std::chrono::milliseconds timeout)
    : m_impl(std::make_unique<Impl>(max_in_flight, timeout)) {}

CurlTransport::~CurlTransport() = default;

HttpResponse CurlTransport::perform(const HttpRequest& request) {
  struct SlotGuard {
    Slots& slots;
    explicit SlotGuard(Slots& s) : slots(s) { slots.acquire(); }
    ~SlotGuard() { slots.release(); }
  } slot(m_impl->slots);

  CURL* easy = m_impl->take_handle();
  curl_slist* headers = nullptr;
  for (const auto& h : request.headers) {
    headers = curl_slist_append(headers, h.c_str());
  }
  // No "Expect: 100-continue" round trip before bodies.
  headers = curl_slist_append(headers, "Expect:");

  HttpResponse response;
  std::array<char, CURL_ERROR_SIZE> error{};
  long timeout_ms = static_cast<long>(m_impl->timeout.count());

  curl_easy_setopt(easy, CURLOPT_SHARE, m_impl->share);
  curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION,
                   0L);  // a redirect is an answer, never followed with the token
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
  // The shared connection cache keeps only 5 idle connections by default: with more requests in
  // flight, every burst would close and reopen connections (a new TCP handshake, and TLS, each).
  curl_easy_setopt(easy, CURLOPT_MAXCONNECTS, m_impl->max_connections);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, std::min(timeout_ms, 30000L));
  // gzip, as Webex serves it; curl would also offer brotli, which costs a server far more CPU.
  curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "gzip");
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, error.data());
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &on_body);
  BodySink sink{response.body};
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &response.headers);

  if (request.method == "GET") {
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  } else if (request.method == "POST") {
    curl_easy_setopt(easy, CURLOPT_POST, 1L);
  } else {
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }
  if (request.body) {
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body->data());
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body->size()));
  } else if (request.method == "POST") {
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, "");
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(0));
  }

  CURLcode code = curl_easy_perform(easy);
  if (code == CURLE_OK) {
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &response.status);
  }
  curl_slist_free_all(headers);
  // Detach pointers into this stack frame before the handle goes back to the pool.
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, nullptr);
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, nullptr);
  m_impl->give_back(easy);

  if (code == CURLE_WRITE_ERROR && sink.too_large) {
    throw ResponseTooLarge("the response is larger than " + std::to_string(kMaxResponseBytes >> 20) +
                         " MiB; refusing to read it");
  }
  if (code != CURLE_OK) {
    std::string detail = error[0] != '\0' ? std::string(error.data()) : std::string(curl_easy_strerror(code));
    throw TransportError(detail);
  }
  return response;
}

}  // namespace wx::webex_detail
