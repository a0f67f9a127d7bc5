// The front door's own short answers, for requests it refuses before any handler sees them
// (malformed, too large, too many connections). Each closes the connection.
#pragma once

#include <Poco/Net/HTTPResponse.h>

#include <chrono>
#include <functional>
#include <string>

namespace es::net {

// `compose` adds the server's own headers and content type and returns the body (see
// FrontSettings::refusal); without it the body is the reason phrase as text/plain.
std::string canned_answer(int status, std::chrono::seconds retry_after,
                          const std::function<std::string(Poco::Net::HTTPResponse&)>& compose);

}  // namespace es::net
