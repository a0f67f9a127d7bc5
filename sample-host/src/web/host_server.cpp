#include "web/host_server.hpp"

#include <Poco/Net/HTTPRequestHandler.h>

#include <algorithm>

#include "log/host_log.hpp"
#include "net/poco_handler.hpp"

#include "web/admin_api.hpp"
#include "web/attachment_api.hpp"
#include "web/attachment_upload.hpp"
#include "web/auth_api.hpp"
#include "web/case_api.hpp"
#include "web/mailbox_api.hpp"
#include "web/plugin_api.hpp"

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

// Error codes of the front door's own answers, in the API's vocabulary (docs/api.md).
std::string refusal_code(Poco::Net::HTTPResponse::HTTPStatus status) {
    switch (status) {
        case Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE:
            return "busy";
        case Poco::Net::HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE:
            return "body_too_large";
        case Poco::Net::HTTPResponse::HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE:
            return "headers_too_large";
        case Poco::Net::HTTPResponse::HTTP_LENGTH_REQUIRED:
            return "length_required";
        default:
            return "bad_request";
    }
}

}  // namespace

HostServer::HostServer(DossierManager& dm)
    : dm_(dm),
      router_(dm),
      files_(dm.config.web_root),
      handlers_(std::make_unique<RoutedRequestFactory>(router_)) {
    AuthApi::install(router_, dm_);
    CaseApi::install(router_, dm_);
    AttachmentApi::install(router_, dm_);
    AttachmentUpload::install(router_, dm_);
    PluginApi::install(router_, dm_);
    AdminApi::install(router_, dm_);
    MailboxApi::install(router_, dm_);
    router_.set_fallback([this](Exchange& ex) { files_.serve(ex); });
}

HostServer::~HostServer() {
    stop();
}

void HostServer::start() {
    if (front_) {
        return;
    }
    const auto& c = dm_.config;
    es::net::FrontSettings s;
    s.listen_address = c.listen_address;
    s.port = static_cast<std::uint16_t>(c.port);
    s.backlog = 128;
    s.workers = c.http_threads;
    s.limits.max_connections = c.connections.max_connections;
    s.limits.max_connections_per_client = c.connections.max_connections_per_client;
    s.limits.max_busy_per_client = c.http_threads;  // a single user's page loads in parallel
    s.limits.max_queued = 256;
    s.limits.header_timeout = std::chrono::seconds(c.connections.header_timeout_seconds);
    s.limits.body_timeout = std::chrono::seconds(c.connections.body_timeout_seconds);
    s.limits.idle_timeout = std::chrono::seconds(c.connections.keep_alive_timeout_seconds);
    s.limits.max_body_bytes = Exchange::kMaxBody;
    // Uploads go to disk as they arrive, under their own limit (attachments.max_upload_bytes);
    // every other body stays bound by max_body_bytes and body_timeout as a whole.
    s.limits.max_streamed_bodies = c.attachments.max_uploads_at_once > 0
                                       ? c.attachments.max_uploads_at_once
                                       : std::max(1, c.http_threads / 4);
    s.limits.min_body_bytes_per_second =
        static_cast<std::size_t>(c.attachments.min_upload_bytes_per_second);
    s.stream_body = [this](const Poco::Net::HTTPRequest& head) {
        return router_.streams_body(head.getMethod(), head.getURI());
    };
    s.drain_timeout = std::chrono::seconds(c.connections.drain_seconds);
    s.refusal = [](Poco::Net::HTTPResponse& r) {
        Exchange::security_headers(r);
        r.set("Cache-Control", "no-store");
        r.setContentType("application/json; charset=utf-8");
        return Exchange::error_json(refusal_code(r.getStatus()), r.getReason() + ".");
    };
    auto front =
        std::make_unique<es::net::HttpFront>(std::move(s), es::net::serve_with(*handlers_));
    front->start();
    front_ = std::move(front);
}

void HostServer::stop() {
    if (!front_) {
        return;
    }
    HostLog::info(
        "http: draining: new connections refused, requests in progress may finish for "
        "up to " +
        std::to_string(dm_.config.connections.drain_seconds) + " s (connections.drain_seconds)");
    const es::net::DrainOutcome outcome = front_->stop();
    front_.reset();
    const std::string ended = "http: drained: " + std::to_string(outcome.in_flight) +
                              " request(s) were in progress, " + std::to_string(outcome.cut) +
                              " connection(s) cut at the deadline";
    if (outcome.cut > 0) {
        HostLog::warning(ended);
    } else {
        HostLog::info(ended);
    }
}

int HostServer::port() const {
    return front_ ? front_->port() : 0;
}

es::net::FrontCounters HostServer::connection_counters() const {
    return front_ ? front_->counters() : es::net::FrontCounters{};
}

}  // namespace host
