#include "portal/portal.hpp"

#include <Poco/String.h>
#include <Poco/Timestamp.h>

#include "net/buffered_request.hpp"
#include "net/connection_response.hpp"
#include "portal/http/security_headers.hpp"

namespace es::portal {
namespace {

// Every X-Forwarded-For line, joined as one list: a proxy may add its own line instead of
// extending the client's.
std::string forwarded_for(const Poco::Net::HTTPRequest& request) {
    std::string all;
    for (auto it = request.find("X-Forwarded-For"); it != request.end(); ++it) {
        if (Poco::icompare(it->first, "X-Forwarded-For") != 0) {
            break;
        }
        all += all.empty() ? it->second : ", " + it->second;
    }
    return all;
}

}  // namespace

net::FrontSettings front_settings(const config::PortalSettings& p) {
    net::FrontSettings s;
    s.listen_address = p.listen_address;
    s.port = static_cast<std::uint16_t>(p.port);
    s.workers = p.max_threads;
    auto& l = s.limits;
    l.max_connections = p.max_connections;
    l.max_connections_per_client = p.max_connections_per_client;
    l.max_busy_per_client = p.max_requests_in_progress_per_client;
    l.max_queued = p.max_queued;
    l.header_timeout = std::chrono::seconds(p.header_timeout_seconds);
    l.body_timeout = std::chrono::seconds(p.body_timeout_seconds);
    l.idle_timeout = std::chrono::seconds(p.keep_alive_timeout_seconds);
    l.send_timeout = std::chrono::seconds(p.send_timeout_seconds);
    l.retry_after = std::chrono::seconds(p.retry_after_seconds);
    l.keep_alive = p.keep_alive;
    l.max_requests_per_connection = p.max_keep_alive_requests;
    s.drain_timeout = std::chrono::seconds(p.drain_seconds);
    // Forms are at most 8 KiB (route_support's read_form); twice that leaves room for framing.
    l.max_body_bytes = 16 * 1024;
    const bool tls = p.tls.enabled();
    s.refusal = [https = p.recipients_use_https()](Poco::Net::HTTPResponse& r) {
        http::apply_security_headers(r, https);
        r.setContentType("text/plain; charset=utf-8");
        return r.getReason() + "\n";
    };
    if (tls) {
        s.tls = std::make_shared<net::TlsContext>(p.tls.certificate_file, p.tls.private_key_file);
    }
    return s;
}

Portal::Portal(const config::Settings& settings, PortalPorts ports)
    : settings_(settings),
      context_(settings, ports),
      tickets_(ports.store, ports.secret_box, settings.portal.public_url),
      router_(context_, tickets_) {}

Portal::~Portal() {
    stop();
}

void Portal::start() {
    if (front_) {
        return;
    }
    net::FrontSettings s = front_settings(settings_.portal);
    // A trusted reverse proxy carries many recipients on its connections: the per-client limits
    // would count them as one. Such a proxy limits its own clients.
    s.exempt = [this](const Poco::Net::IPAddress& peer) {
        return context_.client_address.is_trusted(peer);
    };
    auto front = std::make_unique<net::HttpFront>(
        std::move(s), [this](net::IncomingRequest& r, net::Connection& c) { return serve(r, c); });
    front->start();
    front_ = std::move(front);
}

void Portal::stop() {
    if (!front_) {
        return;
    }
    // /ready says 503 to whatever still reaches it, so a balancer that polls stops sending here
    // even before the closed listener tells it.
    context_.readiness.mark_draining();
    const auto& host = context_.ports.host;
    host.log(host::LogLevel::Info,
             "portal: draining: new connections refused, requests in progress may finish for up "
             "to " +
                 std::to_string(settings_.portal.drain_seconds) + " s (portal.drain_seconds)");
    const net::DrainOutcome outcome = front_->stop();
    front_.reset();
    host.log(outcome.cut > 0 ? host::LogLevel::Warning : host::LogLevel::Info,
             "portal: drained: " + std::to_string(outcome.in_flight) +
                 " request(s) were in progress, " + std::to_string(outcome.cut) +
                 " connection(s) cut at the deadline");
}

std::uint16_t Portal::port() const {
    return front_ ? front_->port() : 0;
}

net::FrontCounters Portal::connection_counters() const {
    return front_ ? front_->counters() : net::FrontCounters{};
}

bool Portal::serve(net::IncomingRequest& incoming, net::Connection& connection) {
    const bool tls = connection.tls();
    bool keep = false;
    std::optional<Exchange::PendingRecord> pending;
    std::string answer;
    {
        // The routes write their answers to the connection themselves (heads built on
        // `response`, bodies with sendfile); `response` only carries the head.
        const auto& head = *incoming.head;
        net::ConnectionResponse response(connection,
                                         head.getMethod() == Poco::Net::HTTPRequest::HTTP_HEAD);
        response.setDate(Poco::Timestamp());
        response.setVersion(head.getVersion());
        response.setKeepAlive(incoming.may_keep_alive && head.getKeepAlive());
        net::BufferedRequest request(incoming, connection, response);
        const Poco::Net::IPAddress client =
            context_.client_address.resolve(connection.peer().host(), forwarded_for(head));
        Exchange ex(request, response, connection, client, tls, context_.https);
        router_.route(ex);
        keep = ex.head_sent && !ex.must_close && response.getKeepAlive();
        if (!ex.pending_record) {
            if (!ex.held_answer.empty()) {
                incoming.deferred = net::DeferredAnswer{std::move(ex.held_answer), ex.answer_delay};
            }
            return keep;
        }
        pending = std::move(ex.pending_record);
        answer = std::move(ex.held_answer);
    }
    // The answer waits for its access-log event; this worker does not. Nothing of the request or
    // the connection may be touched after the hand-over: the answer may be gone, and the
    // connection serving its next request on another thread, before the call returns.
    net::LateAnswer late = incoming.answer_later();
    if (answer.empty()) {
        late.abandon();
        return false;
    }
    context_.access.send_after_commit(std::move(*pending), std::move(answer), keep, context_.https,
                                      std::move(late));
    return false;
}

std::string Portal::create_preview_ticket(const std::string& organisation_id,
                                          const std::string& share_id, const std::string& user_id) {
    return tickets_.create_url(organisation_id, share_id, user_id);
}

}  // namespace es::portal
