// A response written to a front-door Connection, in the shape of Poco's HTTPServerResponse, for
// handlers written against Poco's server. Framing follows Poco's rules: no body for HEAD, 1xx,
// 204 and 304; chunked when asked; Content-Length when set; otherwise the body ends with the
// connection (and keep-alive is turned off).
#pragma once

#include <Poco/Net/HTTPServerResponse.h>

#include <memory>
#include <ostream>

#include "net/connection.hpp"

namespace es::net {

class BodyBuffer;

class ConnectionResponse : public Poco::Net::HTTPServerResponse {
  public:
    ConnectionResponse(Connection& connection, bool head_request);
    ~ConnectionResponse() override;

    void sendContinue() override;
    std::ostream& send() override;
    void sendFile(const std::string& path, const std::string& media_type) override;
    void sendBuffer(const void* buffer, std::size_t length) override;
    void redirect(const std::string& uri, HTTPStatus status = HTTP_FOUND) override;
    void requireAuthentication(const std::string& realm) override;
    bool sent() const override { return sent_; }

    // Sends the head, then `size` bytes of the open file `fd` as the whole body (sendfile(2) on
    // plain TCP). Content-Length must be `size`. False when the client is gone or the file was
    // shorter: the connection must then close.
    bool send_file_body(int fd, std::uint64_t size);

    // Ends the body (a chunked body's last chunk). True when everything went out and the body
    // was as long as announced: only then may the connection carry another request.
    bool finish();

  private:
    Connection& connection_;
    bool head_request_;
    bool sent_ = false;
    std::unique_ptr<BodyBuffer> buffer_;
    std::unique_ptr<std::ostream> stream_;
};

}  // namespace es::net
