// The external portal: the web server where recipients open their links.
//
// The lead constructs one Portal after the store, crypto and licensing exist, calls start() in the
// module's init and stop() in deinit:
//
//     es::portal::Portal portal(settings, es::portal::PortalPorts{store, host_services,
//     licence_gate,
//                                                                 secret_box, password_hasher,
//                                                                 preview_editor});
//     portal.start();                 // binds PortalSettings::listen_address:port (0 = ephemeral)
//     portal.port();                  // the bound port
//     portal.create_preview_ticket(organisation_id, share_id, user_id);  // URL for the panel
//     portal.stop();                  // also in the destructor
//
// Threads: start/stop from one thread (the host's main thread); create_preview_ticket from any.
// The server runs its own Poco::ThreadPool of PortalSettings::max_threads threads, since Poco 1.11
// holds one thread per keep-alive connection.
// Errors: start() throws Poco::Exception when the address cannot be bound or the TLS files cannot
// be read, std::invalid_argument for a bad trusted_proxies entry (at construction).
#pragma once

#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>

#include <cstdint>
#include <memory>
#include <string>

#include "config/settings.hpp"
#include "portal/http/connection_registry.hpp"
#include "portal/portal_context.hpp"
#include "portal/portal_router.hpp"
#include "portal/preview_tickets.hpp"

namespace es::portal {

class Portal {
  public:
    Portal(const config::Settings& settings, PortalPorts ports);
    ~Portal();
    Portal(const Portal&) = delete;
    Portal& operator=(const Portal&) = delete;

    void start();
    void stop();
    bool running() const { return server_ != nullptr; }
    std::uint16_t port() const;

    // For the caseworker panel's "Preview": a single-use URL valid for two minutes. The caller has
    // checked that the user may see the share. Throws domain::Error(NotFound) for a dead share.
    std::string create_preview_ticket(const std::string& organisation_id,
                                      const std::string& share_id, const std::string& user_id);

  private:
    const config::Settings& settings_;
    PortalContext context_;
    PreviewTickets tickets_;
    PortalRouter router_;
    http::ConnectionRegistry registry_;
    std::unique_ptr<Poco::ThreadPool> pool_;
    std::unique_ptr<Poco::Net::TCPServer> server_;
};

}  // namespace es::portal
