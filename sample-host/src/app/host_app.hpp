// The sample host as one object: opens the store, creates demo data, loads plugins and serves
// HTTP. main() runs one; the tests run one in-process on a free port.
#pragma once

#include <memory>
#include <string>

#include <Poco/Crypto/OpenSSLInitializer.h>

#include "app/dossier_manager.hpp"
#include "web/host_server.hpp"

namespace host {

class HostApp {
  public:
    explicit HostApp(HostConfig config);
    ~HostApp();

    void start();
    void stop();

    int port() const { return server_ ? server_->port() : 0; }
    // What the HTTP front door counted since start (refusals, timeouts …).
    es::net::FrontCounters connection_counters() const {
        return server_ ? server_->connection_counters() : es::net::FrontCounters{};
    }
    std::string url() const;
    DossierManager& dossier_manager() { return *dm_; }

  private:
    // Poco::Crypto counts its users and tears OpenSSL's locks down whenever the count reaches zero.
    // Request threads that each hash a session token with a short-lived DigestEngine then race that
    // teardown against the next set-up (Poco 1.11), destroying freed locks and corrupting the heap.
    // Held for the host's whole life, the count never reaches zero while requests run.
    Poco::Crypto::OpenSSLInitializer openssl_;
    std::unique_ptr<DossierManager> dm_;
    std::unique_ptr<HostServer> server_;
};

}  // namespace host
