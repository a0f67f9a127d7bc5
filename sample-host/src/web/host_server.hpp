// The HTTP server of the sample host: the API routes and the web UI, behind the same front door
// as the portal (es::net::HttpFront: requests read on an event loop, limits per client address),
// so a slow or idle client costs no thread here either.
#pragma once

#include <memory>

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "app/dossier_manager.hpp"
#include "net/http_front.hpp"
#include "web/router.hpp"
#include "web/static_files.hpp"

namespace host {

class HostServer {
  public:
    explicit HostServer(DossierManager& dm);
    ~HostServer();

    void start();
    void stop();
    int port() const;
    es::net::FrontCounters connection_counters() const;

  private:
    DossierManager& dm_;
    Router router_;
    StaticFiles files_;
    std::unique_ptr<Poco::Net::HTTPRequestHandlerFactory> handlers_;
    std::unique_ptr<es::net::HttpFront> front_;
};

}  // namespace host
