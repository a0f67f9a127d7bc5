// The HTTP server of the sample host (Poco::Net::HTTPServer): the API routes and the web UI.
#pragma once

#include <memory>

#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include "app/DossierManager.hpp"
#include "web/Router.hpp"
#include "web/StaticFiles.hpp"

namespace host {

class HostServer {
  public:
    explicit HostServer(DossierManager& dm);
    ~HostServer();

    void start();
    void stop();
    int port() const;

  private:
    DossierManager& dm_;
    Router router_;
    StaticFiles files_;
    std::unique_ptr<Poco::ThreadPool> threads_;
    std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace host
