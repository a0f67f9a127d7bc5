// The body of a request whose handler reads it as it arrives (FrontSettings::stream_body): what
// came with the head first, then the rest straight from the connection. Large uploads go to disk
// this way without ever being held in memory, and without the front door's body limit, which is
// sized for forms and JSON.
//
// A client that sends nothing for `stall_timeout`, closes early or is cut by a stop ends the
// stream before Content-Length bytes: complete() tells a handler that the body it read is whole.
//
// Threads: the worker serving the request; the connection is borrowed for that time.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <istream>
#include <streambuf>
#include <string>

#include "net/connection.hpp"

namespace es::net {

class StreamedBodyBuffer : public std::streambuf {
  public:
    StreamedBodyBuffer(std::string arrived, std::size_t to_read, Connection& connection,
                       std::chrono::seconds stall_timeout);

    // Every byte of the body came (Content-Length reached).
    bool complete() const { return remaining_ == 0; }

  protected:
    int_type underflow() override;

  private:
    std::string arrived_;
    bool taken_arrived_ = false;
    std::size_t remaining_;
    Connection& connection_;
    int stall_ms_;
    std::string chunk_;
};

class StreamedBody : public std::istream {
  public:
    StreamedBody(std::string arrived, std::size_t to_read, Connection& connection,
                 std::chrono::seconds stall_timeout);

    bool complete() const { return buffer_.complete(); }

  private:
    StreamedBodyBuffer buffer_;
};

}  // namespace es::net
