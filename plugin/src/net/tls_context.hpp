// The server's TLS settings and certificate, loaded once; each accepted connection gets its own
// session from it. OpenSSL is used directly (not Poco's SecureSocket) because the front door
// needs a handshake and reads that never block, and Poco 1.11's secure sockets wait inside
// SSL_read whenever they believe their socket is blocking.
#pragma once

#include <string>

typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_st SSL;

namespace es::net {

class TlsContext {
  public:
    // TLS 1.2 and 1.3 only, forward-secret AEAD suites, no renegotiation. Throws
    // std::runtime_error naming the file and OpenSSL's reason when a file cannot be used.
    TlsContext(const std::string& certificate_file, const std::string& private_key_file);
    ~TlsContext();
    TlsContext(const TlsContext&) = delete;
    TlsContext& operator=(const TlsContext&) = delete;

    // A server session on `fd`, in accept state; the caller owns it (SSL_free).
    SSL* new_session(int fd) const;

  private:
    SSL_CTX* ctx_;
};

}  // namespace es::net
