// A request the front door read completely, in the shape of Poco's HTTPServerRequest, so that
// handlers written for Poco's server (and Poco::Net::HTMLForm) work unchanged. The body stream
// reads from memory: the client can no longer make a worker wait for it.
#pragma once

#include <Poco/MemoryStream.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "net/connection.hpp"
#include "net/incoming_request.hpp"

namespace es::net {

class BufferedRequest : public Poco::Net::HTTPServerRequest {
  public:
    // `incoming`, `connection` and `response` must outlive this object.
    BufferedRequest(const IncomingRequest& incoming, const Connection& connection,
                    Poco::Net::HTTPServerResponse& response);

    std::istream& stream() override { return body_; }
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
};

}  // namespace es::net
