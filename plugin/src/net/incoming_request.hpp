// A whole request as the front door hands it to a worker, and the handler that serves it.
#pragma once

#include <Poco/Net/HTTPRequest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "net/connection.hpp"
#include "net/late_answer.hpp"

namespace es::net {

// An answer the front door sends later, without a worker waiting for it meanwhile: a throttled
// client is told to slow down only after a pause, and the pause must cost a timer, not a thread.
struct DeferredAnswer {
    std::string bytes;  // the whole response, head and body
    std::chrono::milliseconds delay{0};
};

struct IncomingRequest {
    std::unique_ptr<Poco::Net::HTTPRequest> head;
    std::string body;  // complete (Content-Length bytes; empty without a body)
    // A body the handler reads itself (FrontSettings::stream_body): `body` holds what arrived
    // with the head, this many bytes follow on the connection, and each wait for them may last
    // `body_timeout`. The front door then keeps no deadline: the handler reads.
    std::size_t body_to_read = 0;
    std::chrono::seconds body_timeout{0};
    // ... and from body_timeout on, the body must have come at this average rate (0: any).
    std::size_t min_body_bytes_per_second = 0;
    // Whether the connection may carry another request after this one: false on the last request
    // of the keep-alive budget, when the client closed its side, or while the server stops. The
    // response should then say "Connection: close".
    bool may_keep_alive = false;
    // Set by a handler that wrote nothing and wants these bytes sent after a delay.
    std::optional<DeferredAnswer> deferred;
    // Takes the answer out of the handler's hands (see late_answer.hpp). Once called, the handler
    // writes nothing to the connection and its return value is ignored; the returned LateAnswer
    // sends and decides keep-alive (request.may_keep_alive is applied on top). At most once.
    std::function<LateAnswer()> answer_later;
};

// Serves one request on the worker's thread and writes the whole response to `connection`.
// Returns true when the connection may carry the next request (the response was complete and
// did not say close). Must not throw; the front door closes the connection if it does.
using RequestHandler = std::function<bool(IncomingRequest& request, Connection& connection)>;

}  // namespace es::net
