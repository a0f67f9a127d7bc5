// The body of a request whose handler reads it as it arrives (FrontSettings::stream_body): what
// came with the head first, then the rest straight from the connection. Large uploads go to disk
// this way without ever being held in memory, and without the front door's body limit, which is
// sized for forms and JSON.
//
// A client that sends nothing for `stall_timeout`, sends slower than `min_bytes_per_second` on
// average (checked once `stall_timeout` has passed since the head), closes early or is cut by a
// stop ends the stream before Content-Length bytes: complete() tells a handler that the body it
// read is whole. The average, not only the gaps, is bounded: a byte sent just before every
// stall_timeout would otherwise hold the worker for days.
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
                       std::chrono::seconds stall_timeout, std::size_t min_bytes_per_second);

    // Every byte of the body came (Content-Length reached).
    bool complete() const { return remaining_ == 0; }

  protected:
    int_type underflow() override;

  private:
    // How long the next wait for the client may last (ms; <= 0: the client is too slow).
    long long wait_allowed_ms() const;

    std::string arrived_;
    bool taken_arrived_ = false;
    std::size_t remaining_;
    Connection& connection_;
    int stall_ms_;
    std::size_t min_rate_;
    std::size_t received_ = 0;
    std::chrono::steady_clock::time_point started_;
    std::string chunk_;
};

class StreamedBody : public std::istream {
  public:
    StreamedBody(std::string arrived, std::size_t to_read, Connection& connection,
                 std::chrono::seconds stall_timeout, std::size_t min_bytes_per_second = 0);

    bool complete() const { return buffer_.complete(); }

  private:
    StreamedBodyBuffer buffer_;
};

}  // namespace es::net
