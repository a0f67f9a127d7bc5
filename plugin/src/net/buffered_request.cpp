#include "net/buffered_request.hpp"

namespace es::net {

BufferedRequest::BufferedRequest(const IncomingRequest& incoming, Connection& connection,
                                 Poco::Net::HTTPServerResponse& response)
    : connection_(connection),
      response_(response),
      params_(new Poco::Net::HTTPServerParams),
      body_(incoming.body.data(), incoming.body.size()) {
    Poco::Net::HTTPRequest::operator=(*incoming.head);
    if (incoming.body_to_read > 0) {
        streamed_ = std::make_unique<StreamedBody>(incoming.body, incoming.body_to_read, connection,
                                                   incoming.body_timeout,
                                                   incoming.min_body_bytes_per_second);
    }
}

}  // namespace es::net
