// A recipient's browser at a portal, for tests that drive the sample host with the module: keeps
// the portal's cookies, posts forms, reads the CSRF field of a form.
#pragma once

#include <map>
#include <regex>
#include <sstream>
#include <string>

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>

#include "http_exchange.hpp"
#include "test_host.hpp"

namespace host::test {

// A recipient's browser at the portal: keeps cookies, reads the CSRF field of forms.
class PortalVisitor {
  public:
    explicit PortalVisitor(int port) : port_(port) {}

    // The next requests go to another portal (another instance), with the same cookies.
    void switch_to(int port) { port_ = port; }
    const http_test::Cookies& cookies() const { return cookies_; }

    HttpResult get(const std::string& path) { return send("GET", path, ""); }
    HttpResult post_form(const std::string& path, const std::map<std::string, std::string>& f) {
        Poco::Net::HTMLForm form;
        for (const auto& [k, v] : f)
            form.set(k, v);
        std::ostringstream body;
        form.write(body);
        return send("POST", path, body.str());
    }
    static std::string csrf_of(const std::string& html) {
        static const std::regex re("name=\"csrf\" value=\"([^\"]+)\"");
        std::smatch m;
        return std::regex_search(html, m, re) ? m[1].str() : std::string();
    }

  private:
    HttpResult send(const std::string& method, const std::string& path, const std::string& body) {
        Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port_));
        session.setTimeout(Poco::Timespan(30, 0));
        Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        auto answer = http_test::exchange(session, request, cookies_, body,
                                          "application/x-www-form-urlencoded");
        return HttpResult{answer.status, std::move(answer.body), std::move(answer.headers)};
    }

    int port_;
    http_test::Cookies cookies_;
};

}  // namespace host::test
