// One client connection: reads requests one after another (keep-alive) and hands each to the
// router. Our own loop instead of Poco's HTTPServerConnection because routes write response bodies
// straight to the socket (sendfile) and because malformed requests must also get the portal's
// security headers.
#pragma once

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include <chrono>
#include <functional>

#include "portal/exchange.hpp"
#include "portal/http/connection_registry.hpp"

namespace es::portal::http {

struct ConnectionSettings {
    Poco::Timespan receive_timeout;
    Poco::Timespan send_timeout;
    // A request's head and body must have arrived within this (see ConnectionRegistry).
    std::chrono::seconds request_deadline{30};
    bool tls = false;
};

using RequestHandler = std::function<void(Exchange&)>;
using ClientResolver = std::function<Poco::Net::IPAddress(const Poco::Net::IPAddress& peer,
                                                          const std::string& forwarded_for)>;

class PortalConnection : public Poco::Net::TCPServerConnection {
  public:
    PortalConnection(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
                     const ConnectionSettings& settings, const RequestHandler& handler,
                     const ClientResolver& resolver, ConnectionRegistry& registry);
    void run() override;

  private:
    void serve();

    Poco::Net::HTTPServerParams::Ptr params_;
    const ConnectionSettings& settings_;
    const RequestHandler& handler_;
    const ClientResolver& resolver_;
    ConnectionRegistry& registry_;
};

class PortalConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
  public:
    PortalConnectionFactory(Poco::Net::HTTPServerParams::Ptr params, ConnectionSettings settings,
                            RequestHandler handler, ClientResolver resolver,
                            ConnectionRegistry& registry)
        : params_(std::move(params)),
          settings_(settings),
          handler_(std::move(handler)),
          resolver_(std::move(resolver)),
          registry_(registry) {}

    Poco::Net::TCPServerConnection* createConnection(
        const Poco::Net::StreamSocket& socket) override {
        return new PortalConnection(socket, params_, settings_, handler_, resolver_, registry_);
    }

  private:
    Poco::Net::HTTPServerParams::Ptr params_;
    ConnectionSettings settings_;
    RequestHandler handler_;
    ClientResolver resolver_;
    ConnectionRegistry& registry_;
};

}  // namespace es::portal::http
