// One request and its response as the portal's routes see them: the Poco objects, the raw socket
// for streamed bodies, and what the portal derived from the request (client address, cookies,
// language). Lives for one request on one connection thread.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "domain/timestamp.hpp"
#include "portal/language.hpp"

namespace es::portal {

class Exchange {
  public:
    Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
             Poco::Net::StreamSocket& socket, Poco::Net::IPAddress client, bool tls);

    Poco::Net::HTTPServerRequest& request;
    Poco::Net::HTTPServerResponse& response;
    Poco::Net::StreamSocket& socket;
    const Poco::Net::IPAddress client;  // after X-Forwarded-For from trusted proxies
    const bool tls;

    std::string client_ip() const { return client.toString(); }
    std::string user_agent() const;
    bool is_head() const { return request.getMethod() == "HEAD"; }
    bool is_get_or_head() const { return request.getMethod() == "GET" || is_head(); }
    bool is_post() const { return request.getMethod() == "POST"; }

    std::optional<std::string> cookie(const std::string& name) const;

    // Set once the status line went out; afterwards nothing but body bytes may follow.
    bool head_sent = false;
    // Run when the response starts: the connection then stops the request's deadline clock.
    std::function<void()> on_response_start;
    void start_response() {
        head_sent = true;
        if (on_response_start) {
            on_response_start();
        }
    }
    // Set when the connection must not carry another request (a body was cut short).
    bool must_close = false;
    // Language for pages; set by the route once the share (and its default locale) is known.
    Language language = Language::En;

  private:
    std::map<std::string, std::string> cookies_;
};

}  // namespace es::portal
