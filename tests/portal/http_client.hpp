// A byte-exact HTTP/1.1 client for the tests: one request per connection, the response as sent
// (status, every header in order, body), and a tiny cookie-keeping browser on top.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace es::portal::test {

struct HttpResponse {
    int status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    std::string header(const std::string& name) const;  // "" when absent
    bool has(const std::string& name) const;
    std::vector<std::string> all(const std::string& name) const;
    // Headers minus Date (the only one that may differ between two identical answers).
    std::vector<std::pair<std::string, std::string>> comparable_headers() const;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

HttpResponse http_request(std::uint16_t port, const std::string& method, const std::string& path,
                          const Headers& headers = {}, const std::string& body = "");

// Sends raw bytes and returns the raw answer (for malformed requests).
std::string raw_exchange(std::uint16_t port, const std::string& bytes);

std::string form_encode(const std::map<std::string, std::string>& fields);

class Browser {
  public:
    explicit Browser(std::uint16_t port) : port_(port) {}
    HttpResponse get(const std::string& path, Headers extra = {});
    HttpResponse head(const std::string& path, Headers extra = {});
    HttpResponse post(const std::string& path, const std::map<std::string, std::string>& fields,
                      Headers extra = {});
    // The csrf value of the first form in `html`.
    static std::string csrf_of(const std::string& html);
    std::map<std::string, std::string> cookies;
    std::string ip = "";  // sent as X-Forwarded-For when set (only trusted proxies count)

  private:
    HttpResponse send(const std::string& method, const std::string& path, Headers headers,
                      const std::string& body);
    std::uint16_t port_;
};

}  // namespace es::portal::test
