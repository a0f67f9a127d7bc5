#include "portal/http/responder.hpp"

#include <Poco/Timestamp.h>

#include <sstream>

#include "portal/http/security_headers.hpp"

namespace es::portal::http {

namespace {

// Everything in one send(): with TCP_NODELAY, Poco's sendBuffer (head through a stream, then the
// body) cost two syscalls and two packets per page.
void send_all(Exchange& ex, const std::string& bytes) {
    if (ex.answer_delay.count() > 0 || ex.pending_record) {
        ex.held_answer += bytes;  // sent after the pause, or once the access log has the event
        return;
    }
    try {
        ex.socket.send_all(bytes);
    } catch (const net::ConnectionLost&) {
        ex.must_close = true;
        throw;
    }
}

std::string head_bytes(Exchange& ex, std::size_t body_reserve) {
    apply_security_headers(ex.response, ex.https);
    std::ostringstream head;
    ex.response.write(head);
    std::string bytes = std::move(head).str();
    bytes.reserve(bytes.size() + body_reserve);
    return bytes;
}

}  // namespace

void send_body(Exchange& ex, Poco::Net::HTTPResponse::HTTPStatus status,
               const std::string& content_type, const std::string& body) {
    ex.response.setStatusAndReason(status);
    ex.response.setContentType(content_type);
    ex.response.setContentLength(static_cast<std::streamsize>(body.size()));
    std::string bytes = head_bytes(ex, ex.is_head() ? 0 : body.size());
    if (!ex.is_head()) {
        bytes += body;
    }
    ex.start_response();
    send_all(ex, bytes);
}

std::string closing_answer(Poco::Net::HTTPResponse::HTTPStatus status,
                           const std::string& content_type, const std::string& body, bool tls) {
    Poco::Net::HTTPResponse response(Poco::Net::HTTPMessage::HTTP_1_1, status);
    response.setDate(Poco::Timestamp());
    response.setContentType(content_type);
    response.setContentLength(static_cast<std::streamsize>(body.size()));
    response.setKeepAlive(false);
    apply_security_headers(response, tls);
    std::ostringstream head;
    response.write(head);
    return std::move(head).str() + body;
}

void send_html(Exchange& ex, Poco::Net::HTTPResponse::HTTPStatus status, const std::string& html) {
    send_body(ex, status, "text/html; charset=utf-8", html);
}

void clear_content_headers(Exchange& ex) {
    for (const char* name : {"Content-Disposition", "Content-Range", "ETag", "Last-Modified",
                             "Accept-Ranges", "Content-Security-Policy"}) {
        ex.response.erase(name);
    }
}

void send_see_other(Exchange& ex, const std::string& path) {
    ex.response.set("Location", path);
    send_body(ex, Poco::Net::HTTPResponse::HTTP_SEE_OTHER, "text/plain; charset=utf-8", "");
}

std::size_t send_head(Exchange& ex) {
    const std::string bytes = head_bytes(ex, 0);
    ex.start_response();
    send_all(ex, bytes);
    return bytes.size();
}

}  // namespace es::portal::http
