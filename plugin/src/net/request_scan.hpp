// Finds a complete HTTP/1.x request in the bytes a connection has received so far, without
// blocking: the front door calls it after every read and hands a request to a worker only once
// its head and its whole body are there.
//
// The head is parsed by Poco (HTTPRequest::read), the same parser whose result the handlers see,
// so the front door and the handlers cannot disagree about where a request ends. Framing that
// could be read two ways is refused: differing Content-Length values, or any Transfer-Encoding
// (request bodies here are small forms and JSON; clients send them with a length).
#pragma once

#include <Poco/Net/HTTPRequest.h>

#include <cstddef>
#include <memory>
#include <string_view>

namespace es::net {

struct RequestScan {
    enum class State {
        Incomplete,  // more bytes needed
        Complete,    // head parsed; body_size bytes follow the head
        Refused,     // answer `status` and close
    };
    State state = State::Incomplete;
    int status = 0;
    std::size_t head_size = 0;  // including blank lines before it and the empty line ending it
    std::size_t body_size = 0;
    bool expect_continue = false;
    std::unique_ptr<Poco::Net::HTTPRequest> head;
};

// `buffer` starts at the request's first byte. A head longer than `max_head_bytes` is refused
// with 431, a body longer than `max_body_bytes` with 413.
RequestScan scan_request(std::string_view buffer, std::size_t max_head_bytes,
                         std::size_t max_body_bytes);

}  // namespace es::net
