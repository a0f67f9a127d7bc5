// Runs a real sample host in-process on a free loopback port with a temporary data folder, and
// talks to it over HTTP like the browser does (session cookie, CSRF header, JSON bodies).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "app/host_app.hpp"
#include "config/host_config.hpp"
#include "http_exchange.hpp"
#include "test_ports.hpp"

namespace host::test {

// A loopback port for a server whose config needs a fixed one (see test_ports.hpp).
using es::test::free_port;

// A folder under /tmp that is removed with the object.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

struct HttpResult {
    int status = 0;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;

    Poco::JSON::Object::Ptr json() const;
    std::string header(const std::string& name) const;
};

class ApiClient {
  public:
    explicit ApiClient(int port) : port_(port) {}

    HttpResult get(const std::string& path) { return send("GET", path, ""); }
    HttpResult post(const std::string& path, const std::string& body,
                    const std::string& content_type = "application/json") {
        return send("POST", path, body, content_type);
    }
    HttpResult put(const std::string& path, const std::string& body) {
        return send("PUT", path, body);
    }
    HttpResult del(const std::string& path) { return send("DELETE", path, ""); }
    HttpResult send(const std::string& method, const std::string& path, const std::string& body,
                    const std::string& content_type = "application/json");

    // Signs in; keeps the session cookie and the CSRF token for later requests.
    HttpResult login(const std::string& login, const std::string& password);
    void forget_csrf() { csrf_.clear(); }
    // For requests a test writes byte by byte (a raw socket): the session as a Cookie header's
    // value, and the CSRF token.
    std::string cookie_header() const;
    const std::string& csrf_token() const { return csrf_; }

  private:
    int port_;
    http_test::Cookies cookies_;  // the host's session
    std::string csrf_;
};

// Paths of the fixture plugins, as the build wrote them.
struct Fixtures {
    static std::string good_plugin();
    static std::string abi2_plugin();
    static std::string init_fails_plugin();
    static std::string no_entry_plugin();
};

class TestHost {
  public:
    struct Options {
        bool demo_data = true;
        int cases_per_organisation = 120;
        std::vector<PluginConfig> plugins;
        bool with_spool = true;
        std::int64_t max_upload_bytes = 0;     // 0: the configuration's default
        int body_timeout_seconds = 0;          // 0: the configuration's default
        int header_timeout_seconds = 0;        // 0: the configuration's default
        int min_upload_bytes_per_second = -1;  // < 0: the configuration's default
    };
    explicit TestHost(Options options);
    ~TestHost();

    int port() const { return app_->port(); }
    HostApp& app() { return *app_; }
    const std::string& data_directory() const { return data_.path(); }
    std::string spool_directory() const { return data_.path() + "/spool"; }
    ApiClient client() const { return ApiClient(port()); }

  private:
    TempDir data_;
    std::unique_ptr<HostApp> app_;
};

}  // namespace host::test
