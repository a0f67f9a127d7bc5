#include "net/connection_response.hpp"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/Timestamp.h>

#include <cstdio>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

namespace es::net {

// The body's bytes on their way to the connection, framed as the head announced. A failed write
// makes the stream bad (std::ostream turns the exception into badbit) and finish() false.
class BodyBuffer : public std::streambuf {
  public:
    enum class Framing { None, Fixed, Chunked, UntilClose };

    BodyBuffer(Connection& connection, std::string head, Framing framing, std::uint64_t length)
        : head_(std::move(head)),
          connection_(connection),
          framing_(framing),
          length_(length),
          buffer_(16 * 1024) {
        setp(buffer_.data(), buffer_.data() + buffer_.size());
    }

    // Sends the head and `size` bytes of `fd` past the buffer, counted like written bytes.
    bool splice(int fd, std::uint64_t size) {
        if (!flush_buffer()) {
            return false;
        }
        if (framing_ == Framing::None) {
            return true;
        }
        if (framing_ != Framing::Fixed || written_ + size > length_) {
            failed_ = true;  // a file inside chunks would need framing of its own: not offered
            return false;
        }
        try {
            const Connection::Corked corked(connection_);
            connection_.send_file(fd, 0, size);
        } catch (const std::exception&) {
            failed_ = true;
            return false;
        }
        written_ += size;
        return true;
    }

    bool finish() {
        if (!flush_buffer()) {
            return false;
        }
        if (framing_ == Framing::Chunked) {
            return put("0\r\n\r\n");
        }
        if (framing_ == Framing::Fixed) {
            return written_ == length_;
        }
        return framing_ == Framing::None;
    }

  protected:
    int_type overflow(int_type c) override {
        if (!flush_buffer()) {
            return traits_type::eof();
        }
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return flush_buffer() ? 0 : -1; }

  private:
    bool put(std::string_view bytes) {
        try {
            connection_.send_all(bytes);
            return true;
        } catch (const ConnectionLost&) {
            failed_ = true;
            return false;
        }
    }

    bool flush_buffer() {
        const auto size = static_cast<std::size_t>(pptr() - pbase());
        setp(buffer_.data(), buffer_.data() + buffer_.size());
        if (failed_) {
            return false;
        }
        // The head (until it went out) and the framed body leave in one write.
        std::string out = std::move(head_);
        head_.clear();
        const std::string_view bytes(buffer_.data(), size);
        switch (framing_) {
            case Framing::None:
                break;  // HEAD, 1xx, 204, 304: a handler's body bytes are dropped
            case Framing::Fixed:
                if (written_ + size > length_) {
                    failed_ = true;  // more than announced would be read as the next response
                    return false;
                }
                written_ += size;
                out.append(bytes);
                break;
            case Framing::Chunked:
                if (size > 0) {
                    char size_line[24];
                    std::snprintf(size_line, sizeof size_line, "%zx\r\n", size);
                    out.append(size_line).append(bytes).append("\r\n");
                }
                break;
            case Framing::UntilClose:
                out.append(bytes);
                break;
        }
        return out.empty() || put(out);
    }

    std::string head_;
    Connection& connection_;
    Framing framing_;
    std::uint64_t length_;
    std::uint64_t written_ = 0;
    bool failed_ = false;
    std::vector<char> buffer_;
};

ConnectionResponse::ConnectionResponse(Connection& connection, bool head_request)
    : connection_(connection), head_request_(head_request) {}

ConnectionResponse::~ConnectionResponse() = default;

void ConnectionResponse::sendContinue() {
    connection_.send_all("HTTP/1.1 100 Continue\r\n\r\n");
}

std::ostream& ConnectionResponse::send() {
    if (stream_) {
        return *stream_;
    }
    using Framing = BodyBuffer::Framing;
    const int status = static_cast<int>(getStatus());
    Framing framing;
    std::uint64_t length = 0;
    if (head_request_ || status < 200 || status == HTTP_NO_CONTENT || status == HTTP_NOT_MODIFIED) {
        framing = Framing::None;
    } else if (getChunkedTransferEncoding()) {
        framing = Framing::Chunked;
    } else if (hasContentLength()) {
        framing = Framing::Fixed;
        length = static_cast<std::uint64_t>(getContentLength64());
    } else {
        framing = Framing::UntilClose;
        setKeepAlive(false);
    }
    std::ostringstream head;
    write(head);
    sent_ = true;
    buffer_ = std::make_unique<BodyBuffer>(connection_, std::move(head).str(), framing, length);
    stream_ = std::make_unique<std::ostream>(buffer_.get());
    return *stream_;
}

void ConnectionResponse::sendFile(const std::string& path, const std::string& media_type) {
    Poco::File file(path);
    Poco::FileInputStream in(path);  // throws FileNotFoundException / OpenFileException
    setContentType(media_type);
    setContentLength64(static_cast<Poco::Int64>(file.getSize()));
    set("Last-Modified",
        Poco::DateTimeFormatter::format(file.getLastModified(), Poco::DateTimeFormat::HTTP_FORMAT));
    Poco::StreamCopier::copyStream(in, send());
}

void ConnectionResponse::sendBuffer(const void* buffer, std::size_t length) {
    setContentLength64(static_cast<Poco::Int64>(length));
    setChunkedTransferEncoding(false);
    send().write(static_cast<const char*>(buffer), static_cast<std::streamsize>(length));
}

void ConnectionResponse::redirect(const std::string& uri, HTTPStatus status) {
    setContentLength(0);
    setChunkedTransferEncoding(false);
    setStatusAndReason(status);
    set("Location", uri);
    send();
}

void ConnectionResponse::requireAuthentication(const std::string& realm) {
    setContentLength(0);
    setChunkedTransferEncoding(false);
    setStatusAndReason(HTTP_UNAUTHORIZED);
    set("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
    send();
}

bool ConnectionResponse::send_file_body(int fd, std::uint64_t size) {
    setChunkedTransferEncoding(false);
    setContentLength64(static_cast<Poco::Int64>(size));
    send();
    return buffer_->splice(fd, size);
}

bool ConnectionResponse::finish() {
    if (!stream_) {
        return false;  // nothing was answered: the caller must answer or close
    }
    stream_->flush();
    return buffer_->finish() && getKeepAlive();
}

}  // namespace es::net
