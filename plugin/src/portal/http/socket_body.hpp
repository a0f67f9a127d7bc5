// A response body written straight to the connection's socket, bypassing Poco's 4 KiB stream path.
//
// Small pieces (zip headers, multipart boundaries) collect in a buffer; file content goes out with
// sendfile(2) from the host's descriptor when the socket is plain TCP (zero copies), or in 256 KiB
// pread/read + send steps otherwise (TLS, or hosts without a descriptor). Memory stays constant
// whatever the file size.
//
// A transfer that runs long asks `still_allowed` every few seconds whether the share may still be
// served (revoked or expired meanwhile) and stops with TransferAborted when not.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <vector>

#include "host/attachment_stream.hpp"
#include "net/connection.hpp"
#include "portal/zip/byte_sink.hpp"

namespace es::portal::http {

class TransferAborted : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class SocketBody : public zip::ByteSink {
  public:
    static constexpr std::size_t kChunk = 256 * 1024;

    SocketBody(net::Connection& socket, bool allow_sendfile, std::function<bool()> still_allowed);

    void write(const char* data, std::size_t size) override;
    void flush();

    // Sends [offset, offset + length) of the attachment; sendfile when possible.
    void send_attachment(const host::AttachmentStream& stream, std::uint64_t offset,
                         std::uint64_t length);

    // Reads [offset, offset + length) of the attachment in chunks and hands them to `consume`
    // (the zip writer, which needs the bytes for its CRC).
    void read_attachment(const host::AttachmentStream& stream, std::uint64_t offset,
                         std::uint64_t length,
                         const std::function<void(const char*, std::size_t)>& consume);

    std::uint64_t bytes_sent() const { return sent_; }

  private:
    void send_raw(const char* data, std::size_t size);
    void check_allowed();

    net::Connection& socket_;
    bool allow_sendfile_;
    std::function<bool()> still_allowed_;
    std::vector<char> buffer_;
    std::vector<char> chunk_;
    std::uint64_t sent_ = 0;
    std::chrono::steady_clock::time_point last_check_;
};

}  // namespace es::portal::http
