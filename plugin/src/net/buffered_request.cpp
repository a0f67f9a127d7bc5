#include "net/buffered_request.hpp"

namespace es::net {

BufferedRequest::BufferedRequest(const IncomingRequest& incoming, const Connection& connection,
                                 Poco::Net::HTTPServerResponse& response)
    : connection_(connection),
      response_(response),
      params_(new Poco::Net::HTTPServerParams),
      body_(incoming.body.data(), incoming.body.size()) {
    Poco::Net::HTTPRequest::operator=(*incoming.head);
}

}  // namespace es::net
