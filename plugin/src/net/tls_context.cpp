#include "net/tls_context.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <stdexcept>

namespace es::net {
namespace {

std::string openssl_reason() {
    const unsigned long e = ERR_get_error();
    ERR_clear_error();
    if (e == 0) {
        return "unknown reason";
    }
    char text[256];
    ERR_error_string_n(e, text, sizeof text);
    return text;
}

}  // namespace

TlsContext::TlsContext(const std::string& certificate_file, const std::string& private_key_file)
    : ctx_(SSL_CTX_new(TLS_server_method())) {
    if (ctx_ == nullptr) {
        throw std::runtime_error("TLS: cannot create a context: " + openssl_reason());
    }
    auto fail = [this](const std::string& what) {
        const std::string reason = openssl_reason();
        SSL_CTX_free(ctx_);
        throw std::runtime_error("TLS: " + what + ": " + reason);
    };
    SSL_CTX_set_min_proto_version(ctx_, TLS1_2_VERSION);
    SSL_CTX_set_options(
        ctx_, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_COMPRESSION);
    if (SSL_CTX_set_cipher_list(ctx_, "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!MD5:!DSS") != 1) {
        fail("cipher list");
    }
    if (SSL_CTX_use_certificate_chain_file(ctx_, certificate_file.c_str()) != 1) {
        fail("cannot use certificate file " + certificate_file);
    }
    if (SSL_CTX_use_PrivateKey_file(ctx_, private_key_file.c_str(), SSL_FILETYPE_PEM) != 1) {
        fail("cannot use private key file " + private_key_file);
    }
    if (SSL_CTX_check_private_key(ctx_) != 1) {
        fail("the private key does not match the certificate");
    }
    static const unsigned char kSessionContext[] = "es-front";
    SSL_CTX_set_session_id_context(ctx_, kSessionContext, sizeof kSessionContext - 1);
    SSL_CTX_set_session_cache_mode(ctx_, SSL_SESS_CACHE_SERVER);
    // A write that had to wait may be retried from a different buffer address.
    SSL_CTX_set_mode(ctx_, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
}

TlsContext::~TlsContext() {
    SSL_CTX_free(ctx_);
}

SSL* TlsContext::new_session(int fd) const {
    SSL* ssl = SSL_new(ctx_);
    if (ssl == nullptr) {
        throw std::runtime_error("TLS: cannot create a session: " + openssl_reason());
    }
    SSL_set_fd(ssl, fd);
    SSL_set_accept_state(ssl);
    return ssl;
}

}  // namespace es::net
