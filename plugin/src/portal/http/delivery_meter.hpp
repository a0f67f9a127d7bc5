// How much of a response the client really received, for a transfer that breaks off: the bytes
// its TCP acknowledged (Linux TCP_INFO, tcpi_bytes_acked), not the bytes handed to the kernel,
// which may still sit in the send buffer when the connection dies. Cutting off resets the
// connection at once (connect(AF_UNSPEC), which discards the unsent queue), so nothing leaves
// after the measurement that was not counted.
//
// Under TLS the count includes the record framing, so it can only overstate what arrived, never
// understate it. Where TCP_INFO cannot be read, cut_off() answers nothing and callers count
// everything they meant to send as delivered (fail closed).
#pragma once

#include <cstdint>
#include <optional>

#include "net/connection.hpp"

namespace es::portal::http {

class DeliveryMeter {
  public:
    // Starts counting from what the connection has had acknowledged so far (earlier responses of
    // a keep-alive connection are not this response's).
    explicit DeliveryMeter(const net::Connection& connection);

    // Bytes acknowledged since construction (this response's head included), then resets the
    // connection. Call once, after the transfer failed.
    std::optional<std::uint64_t> cut_off();

    // As cut_off(), for a response whose head of `head_size` bytes was followed by `body_size`
    // bytes of body: the body bytes the client received; all of them where cut_off() cannot tell.
    std::uint64_t cut_off_body(std::uint64_t head_size, std::uint64_t body_size);

  private:
    int fd_;
    std::optional<std::uint64_t> start_;
};

}  // namespace es::portal::http
