#include "portal/portal.hpp"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>

#include "portal/http/portal_connection.hpp"

namespace es::portal {
namespace {

// Connection threads mostly wait on sockets; a small stack keeps 600 of them cheap.
constexpr int kThreadStackBytes = 256 * 1024;
constexpr int kBacklog = 1024;

}  // namespace

Portal::Portal(const config::Settings& settings, PortalPorts ports)
    : settings_(settings),
      context_(settings, ports),
      tickets_(ports.store, ports.secret_box, settings.portal.public_url),
      router_(context_, tickets_) {}

Portal::~Portal() {
    stop();
}

void Portal::start() {
    if (server_) {
        return;
    }
    const auto& p = settings_.portal;
    const Poco::Net::SocketAddress address(p.listen_address, static_cast<Poco::UInt16>(p.port));
    Poco::Net::ServerSocket socket;
    if (p.tls.enabled()) {
        Poco::Net::Context::Ptr tls =
            new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, p.tls.private_key_file,
                                   p.tls.certificate_file, "", Poco::Net::Context::VERIFY_NONE, 9,
                                   false, "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!MD5:!DSS");
        tls->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
        tls->enableSessionCache(true, "es-portal");
        socket = Poco::Net::SecureServerSocket(address, kBacklog, tls);
    } else {
        socket = Poco::Net::ServerSocket(address, kBacklog);
    }

    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(p.max_threads);
    params->setMaxQueued(p.max_queued);
    params->setThreadIdleTime(Poco::Timespan(60, 0));
    params->setKeepAlive(p.keep_alive);
    params->setKeepAliveTimeout(Poco::Timespan(p.keep_alive_timeout_seconds, 0));
    params->setMaxKeepAliveRequests(p.max_keep_alive_requests);
    params->setTimeout(Poco::Timespan(p.receive_timeout_seconds, 0));
    params->setSoftwareVersion("");  // no Server header: nothing to fingerprint

    http::ConnectionSettings cs;
    cs.receive_timeout = Poco::Timespan(p.receive_timeout_seconds, 0);
    cs.send_timeout = Poco::Timespan(p.send_timeout_seconds, 0);
    cs.request_deadline = std::chrono::seconds(p.request_timeout_seconds);
    cs.tls = p.tls.enabled();

    // The dispatcher runs one task per connection from this pool; it must hold max_threads.
    pool_ = std::make_unique<Poco::ThreadPool>("es-portal", 4, p.max_threads + 1, 60,
                                               kThreadStackBytes);
    auto* factory = new http::PortalConnectionFactory(
        params, cs, [this](Exchange& ex) { router_.route(ex); },
        [this](const Poco::Net::IPAddress& peer, const std::string& forwarded) {
            return context_.client_address.resolve(peer, forwarded);
        },
        registry_);
    server_ = std::make_unique<Poco::Net::TCPServer>(factory, *pool_, socket, params);
    server_->start();
    registry_.watch_deadlines(std::chrono::milliseconds(250));
}

void Portal::stop() {
    if (!server_) {
        return;
    }
    server_->stop();
    registry_.shutdown_all();
    pool_->joinAll();
    server_.reset();
    pool_.reset();
}

std::uint16_t Portal::port() const {
    return server_ ? server_->port() : 0;
}

std::string Portal::create_preview_ticket(const std::string& organisation_id,
                                          const std::string& share_id, const std::string& user_id) {
    return tickets_.create_url(organisation_id, share_id, user_id);
}

}  // namespace es::portal
