// The external portal: the web server where recipients open their links.
//
// The lead constructs one Portal after the store, crypto and licensing exist, calls start() in the
// module's init and stop() in deinit:
//
//     es::portal::Portal portal(settings, es::portal::PortalPorts{store, host_adapter, policies,
//                                                                 licence_gate, secret_box,
//                                                                 password_hasher, preview_editor,
//                                                                 owner_alerts, first_openings});
//     portal.start();                 // binds PortalSettings::listen_address:port (0 = ephemeral)
//     portal.port();                  // the bound port
//     portal.create_preview_ticket(organisation_id, share_id, user_id);  // URL for the panel
//     portal.stop();                  // also in the destructor
//
// Connections are accepted and requests read by the front door (net::HttpFront: one event-loop
// thread, limits per client address and in total, deadlines for heads and bodies); only complete
// requests reach the router, on PortalSettings::max_threads worker threads.
//
// Threads: start/stop from one thread (the host's main thread); create_preview_ticket from any.
// Errors: start() throws Poco::IOException when the address cannot be bound, std::runtime_error
// when the TLS files cannot be used, std::invalid_argument for a bad trusted_proxies entry (at
// construction).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "config/settings.hpp"
#include "net/http_front.hpp"
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
    bool running() const { return front_ != nullptr; }
    std::uint16_t port() const;
    // What the front door counted since start (refusals, timeouts …); zeros when stopped.
    net::FrontCounters connection_counters() const;

    // For the caseworker panel's "Preview": a single-use URL valid for two minutes. The caller has
    // checked that the user may see the share. Throws domain::Error(NotFound) for a dead share.
    std::string create_preview_ticket(const std::string& organisation_id,
                                      const std::string& share_id, const std::string& user_id);

  private:
    bool serve(net::IncomingRequest& request, net::Connection& connection);

    const config::Settings& settings_;
    PortalContext context_;
    PreviewTickets tickets_;
    PortalRouter router_;
    std::unique_ptr<net::HttpFront> front_;
};

// The front door's settings for this portal's configuration.
net::FrontSettings front_settings(const config::PortalSettings& portal);

}  // namespace es::portal
