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
    void set_fallback(Handler h) { fallback_ = std::move(h); }

    // [any-thread]
    void dispatch(Exchange& ex) const;

  private:
    struct Route {
        std::string method;
        std::vector<std::string> segments;
        Access access;
        Handler handler;
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
