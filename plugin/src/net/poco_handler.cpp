#include "net/poco_handler.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Timestamp.h>

#include <memory>

#include "net/buffered_request.hpp"
#include "net/connection_response.hpp"

namespace es::net {
namespace {

void send_failure(ConnectionResponse& response) {
    response.clear();
    response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR);
    response.setKeepAlive(false);
    response.setContentLength(0);
    response.send();
}

}  // namespace

RequestHandler serve_with(Poco::Net::HTTPRequestHandlerFactory& factory) {
    return [&factory](IncomingRequest& incoming, Connection& connection) {
        const auto& head = *incoming.head;
        ConnectionResponse response(connection,
                                    head.getMethod() == Poco::Net::HTTPRequest::HTTP_HEAD);
        response.setVersion(head.getVersion());
        response.setKeepAlive(incoming.may_keep_alive && head.getKeepAlive());
        response.setDate(Poco::Timestamp());
        BufferedRequest request(incoming, connection, response);
        try {
            std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(
                factory.createRequestHandler(request));
            if (handler) {
                handler->handleRequest(request, response);
            } else {
                response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
                response.setContentLength(0);
                response.send();
            }
        } catch (...) {
            if (response.sent()) {
                return false;  // cut off mid-answer: only closing tells the client
            }
            send_failure(response);
        }
        if (!response.sent()) {
            send_failure(response);
        }
        return response.finish();
    };
}

}  // namespace es::net
