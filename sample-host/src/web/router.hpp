// Maps "METHOD /path/{param}" to handlers, and applies what every API route needs before the
// handler runs: the session, the role, the CSRF token on state changes, and JSON errors after.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/dossier_manager.hpp"
#include "web/exchange.hpp"

namespace host {

enum class Access { anyone, user, admin };

class Router {
  public:
    using Handler = std::function<void(Exchange&)>;

    explicit Router(DossierManager& dm) : dm_(dm) {}

    void add(const std::string& method, const std::string& pattern, Access access, Handler h);
    // A route whose handler reads the request body itself as it arrives (an upload to disk):
    // the front door hands it over after the head, without its small-body limit (stream_body).
    void add_streaming(const std::string& method, const std::string& pattern, Access access,
                       Handler h);
    // [any-thread] Whether the request `target` (path and query) goes to a streaming route.
    bool streams_body(const std::string& method, const std::string& target) const;
    void set_fallback(Handler h) { fallback_ = std::move(h); }

    // [any-thread]
    void dispatch(Exchange& ex) const;

  private:
    struct Route {
        std::string method;
        std::vector<std::string> segments;
        Access access;
        Handler handler;
        bool streaming = false;
    };
    static std::vector<std::string> split(const std::string& path);
    static bool match(const Route& r, const std::vector<std::string>& segments, Exchange& ex);
    void authenticate(Exchange& ex, Access access) const;
    void run(const Route& route, Exchange& ex) const;

    DossierManager& dm_;
    std::vector<Route> routes_;
    Handler fallback_;
};

}  // namespace host
