#include "portal/http/responder.hpp"

#include <sstream>

#include "portal/http/security_headers.hpp"

namespace es::portal::http {

void send_body(Exchange& ex, Poco::Net::HTTPResponse::HTTPStatus status,
               const std::string& content_type, const std::string& body) {
    ex.response.setStatusAndReason(status);
    ex.response.setContentType(content_type);
    apply_security_headers(ex.response, ex.tls);
    ex.start_response();
    // sendBuffer sets Content-Length and leaves the body out for HEAD.
    ex.response.sendBuffer(body.data(), body.size());
}

void send_html(Exchange& ex, Poco::Net::HTTPResponse::HTTPStatus status, const std::string& html) {
    send_body(ex, status, "text/html; charset=utf-8", html);
}

void send_see_other(Exchange& ex, const std::string& path) {
    ex.response.set("Location", path);
    send_body(ex, Poco::Net::HTTPResponse::HTTP_SEE_OTHER, "text/plain; charset=utf-8", "");
}

void send_head(Exchange& ex) {
    apply_security_headers(ex.response, ex.tls);
    std::ostringstream head;
    ex.response.write(head);
    const std::string bytes = head.str();
    ex.start_response();
    // StreamSocket::sendBytes loops until everything went out on a blocking socket.
    const int n = ex.socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
    if (n != static_cast<int>(bytes.size())) {
        ex.must_close = true;
        throw std::runtime_error("short write of the response head");
    }
}

}  // namespace es::portal::http
