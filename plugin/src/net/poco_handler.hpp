// Serves front-door requests with handlers written for Poco's HTTPServer (an
// HTTPRequestHandlerFactory), so an application moves from Poco's thread-per-connection server to
// the front door without touching its handlers.
#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "net/incoming_request.hpp"

namespace es::net {

// The factory must outlive the returned handler. A handler that throws, or answers nothing, gets
// a 500 (when nothing was sent yet) and the connection closed.
RequestHandler serve_with(Poco::Net::HTTPRequestHandlerFactory& factory);

}  // namespace es::net
