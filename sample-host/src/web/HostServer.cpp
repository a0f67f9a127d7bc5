#include "web/HostServer.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>

#include "web/AdminApi.hpp"
#include "web/AttachmentApi.hpp"
#include "web/AuthApi.hpp"
#include "web/CaseApi.hpp"
#include "web/MailboxApi.hpp"
#include "web/PluginApi.hpp"

namespace host {

namespace {

class RoutedRequest : public Poco::Net::HTTPRequestHandler {
  public:
    explicit RoutedRequest(const Router& router) : router_(router) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        Exchange ex(request, response);
        router_.dispatch(ex);
    }

  private:
    const Router& router_;
};

class RoutedRequestFactory : public Poco::Net::HTTPRequestHandlerFactory {
  public:
    explicit RoutedRequestFactory(const Router& router) : router_(router) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest&) override {
        return new RoutedRequest(router_);
    }

  private:
    const Router& router_;
};

}  // namespace

HostServer::HostServer(DossierManager& dm) : dm_(dm), router_(dm), files_(dm.config.web_root) {
    AuthApi::install(router_, dm_);
    CaseApi::install(router_, dm_);
    AttachmentApi::install(router_, dm_);
    PluginApi::install(router_, dm_);
    AdminApi::install(router_, dm_);
    MailboxApi::install(router_, dm_);
    router_.set_fallback([this](Exchange& ex) { files_.serve(ex); });
}

HostServer::~HostServer() {
    stop();
}

void HostServer::start() {
    Poco::Net::SocketAddress address(dm_.config.listen_address,
                                     static_cast<Poco::UInt16>(dm_.config.port));
    Poco::Net::ServerSocket socket(address, 128);
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(dm_.config.http_threads);
    params->setMaxQueued(256);
    params->setKeepAlive(true);
    params->setTimeout(Poco::Timespan(30, 0));
    threads_ = std::make_unique<Poco::ThreadPool>(2, dm_.config.http_threads);
    server_ = std::make_unique<Poco::Net::HTTPServer>(new RoutedRequestFactory(router_), *threads_,
                                                      socket, params);
    server_->start();
}

void HostServer::stop() {
    if (server_) {
        server_->stopAll(true);
        server_.reset();
    }
    if (threads_) {
        threads_->joinAll();
        threads_.reset();
    }
}

int HostServer::port() const {
    return server_ ? server_->port() : 0;
}

}  // namespace host
