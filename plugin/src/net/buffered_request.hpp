// A request the front door read completely, in the shape of Poco's HTTPServerRequest, so that
// handlers written for Poco's server (and Poco::Net::HTMLForm) work unchanged. The body stream
// reads from memory: the client can no longer make a worker wait for it. Only a request the
// server chose to stream (FrontSettings::stream_body) reads the rest of its body from the
// connection: stream() is then a StreamedBody.
#pragma once

#include <Poco/MemoryStream.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <memory>

#include "net/connection.hpp"
#include "net/incoming_request.hpp"
#include "net/streamed_body.hpp"

namespace es::net {

class BufferedRequest : public Poco::Net::HTTPServerRequest {
  public:
    // `incoming`, `connection` and `response` must outlive this object.
    BufferedRequest(const IncomingRequest& incoming, Connection& connection,
                    Poco::Net::HTTPServerResponse& response);

    std::istream& stream() override {
        return streamed_ ? static_cast<std::istream&>(*streamed_) : body_;
    }
    const Poco::Net::SocketAddress& clientAddress() const override { return connection_.peer(); }
    const Poco::Net::SocketAddress& serverAddress() const override { return connection_.local(); }
    const Poco::Net::HTTPServerParams& serverParams() const override { return *params_; }
    Poco::Net::HTTPServerResponse& response() const override { return response_; }
    bool secure() const override { return connection_.tls(); }

  private:
    const Connection& connection_;
    Poco::Net::HTTPServerResponse& response_;
    Poco::Net::HTTPServerParams::Ptr params_;
    Poco::MemoryInputStream body_;
    std::unique_ptr<StreamedBody> streamed_;
};

}  // namespace es::net
