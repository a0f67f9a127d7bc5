// How a route answers: every path out of the portal goes through here, so every response carries
// the security headers and the connection state stays consistent for keep-alive.
#pragma once

#include <Poco/Net/HTTPResponse.h>

#include <cstddef>
#include <string>

#include "portal/exchange.hpp"

namespace es::portal::http {

// A complete response with a small body (pages, CSS). HEAD gets the headers only.
void send_body(Exchange& ex, Poco::Net::HTTPResponse::HTTPStatus status,
               const std::string& content_type, const std::string& body);

// The bytes of a whole response that ends its connection, built without an exchange (for an
// answer decided after the request's exchange is gone).
std::string closing_answer(Poco::Net::HTTPResponse::HTTPStatus status,
                           const std::string& content_type, const std::string& body, bool tls);

void send_html(Exchange& ex, Poco::Net::HTTPResponse::HTTPStatus status, const std::string& html);

// Removes from ex.response what a file answer set (disposition, range, validators, the inline
// view's sandboxing policy) before a page is sent in its place: a refusal or error page must not
// be saved under the file's name, cached under its validators or kept in the file's sandbox.
void clear_content_headers(Exchange& ex);

// 303 to a path of this portal (never an absolute URL taken from the request).
void send_see_other(Exchange& ex, const std::string& path);

// Writes the status line and headers prepared on ex.response straight to the socket, for bodies
// the route then writes itself (SocketBody). Content-Length must be set. Returns the bytes
// written (what a DeliveryMeter counts before the body).
std::size_t send_head(Exchange& ex);

}  // namespace es::portal::http
