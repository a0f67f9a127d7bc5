// One request and its response as the portal's routes see them: the Poco objects (the request
// read whole by the front door, the response's head), the connection for the bytes of the answer,
// and what the portal derived from the request (client address, cookies, language). Lives for one
// request on one worker thread.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/IPAddress.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>

#include "domain/access_event.hpp"
#include "domain/language.hpp"
#include "domain/timestamp.hpp"
#include "net/connection.hpp"

namespace es::portal {

class Exchange {
  public:
    Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
             net::Connection& socket, Poco::Net::IPAddress client, bool tls, bool https);

    Poco::Net::HTTPServerRequest& request;
    Poco::Net::HTTPServerResponse& response;
    net::Connection& socket;            // where the answer goes (sendfile when plain TCP)
    const Poco::Net::IPAddress client;  // after X-Forwarded-For from trusted proxies
    const bool tls;                     // this connection is TLS (no sendfile)
    // The recipient's browser is on HTTPS: the portal's own TLS, or a TLS-terminating proxy in
    // front of it (PortalContext::https). Decides HSTS and Secure cookies, not the transport.
    const bool https;

    std::string client_ip() const { return client.toString(); }
    std::string user_agent() const;
    bool is_head() const { return request.getMethod() == "HEAD"; }
    bool is_get_or_head() const { return request.getMethod() == "GET" || is_head(); }
    bool is_post() const { return request.getMethod() == "POST"; }

    std::optional<std::string> cookie(const std::string& name) const;

    // Set once the status line went out; afterwards nothing but body bytes may follow.
    bool head_sent = false;
    void start_response() { head_sent = true; }
    // Set when the connection must not carry another request (a body was cut short).
    bool must_close = false;
    // When set before the answer is written, the answer is not sent by the route but held by the
    // front door and sent after this pause (a throttled guess): the pause costs a timer, not a
    // worker thread.
    std::chrono::milliseconds answer_delay{0};
    std::string held_answer;  // what the route wrote while answer_delay or pending_record was set
    // Set by AccessRecorder::record_before_answer(): the access-log event the answer waits for.
    // The answer the route writes is held, and the portal sends it once the event is committed,
    // without a worker waiting for the commit (Portal::serve).
    struct PendingRecord {
        domain::AccessEvent event;
        std::string log_ref;
    };
    std::optional<PendingRecord> pending_record;
    // Language for pages; set by the route once the share (and its default locale) is known.
    domain::Language language = domain::Language::En;

  private:
    std::map<std::string, std::string> cookies_;
};

}  // namespace es::portal
