#include "crypto/digest.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <stdexcept>

namespace es::crypto {
namespace {

// OpenSSL 3's one-shot calls (SHA256(), HMAC()) look the algorithm up in the provider tables on
// every call, under a lock every portal request then takes several times. Fetched once, the
// algorithm is an immutable object any thread may use.
const EVP_MD* sha256_algorithm() {
    static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
    if (md == nullptr) {
        throw std::runtime_error("OpenSSL offers no SHA-256");
    }
    return md;
}

EVP_MAC* hmac_algorithm() {
    static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (mac == nullptr) {
        throw std::runtime_error("OpenSSL offers no HMAC");
    }
    return mac;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), md, &length, sha256_algorithm(), nullptr) != 1) {
        throw std::runtime_error("SHA-256 failed");
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(2 * length, '0');
    for (unsigned int i = 0; i < length; ++i) {
        out[2 * i] = kHex[md[i] >> 4];
        out[2 * i + 1] = kHex[md[i] & 15];
    }
    return out;
}

std::string hmac_sha256(std::string_view key, std::string_view message) {
    // Each thread keeps one context with the digest chosen (choosing it looks the digest up by
    // name) and gives it the key anew for each message.
    struct Context {
        Context() : ctx(EVP_MAC_CTX_new(hmac_algorithm())) {
            char digest_name[] = "SHA2-256";
            const OSSL_PARAM params[] = {
                OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
                OSSL_PARAM_construct_end()};
            if (ctx == nullptr || EVP_MAC_CTX_set_params(ctx, params) != 1) {
                throw std::runtime_error("HMAC-SHA-256 is not available");
            }
        }
        ~Context() { EVP_MAC_CTX_free(ctx); }
        EVP_MAC_CTX* ctx;
    };
    thread_local Context mine;
    unsigned char out[EVP_MAX_MD_SIZE];
    std::size_t length = 0;
    if (EVP_MAC_init(mine.ctx, reinterpret_cast<const unsigned char*>(key.data()), key.size(),
                     nullptr) != 1 ||
        EVP_MAC_update(mine.ctx, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size()) != 1 ||
        EVP_MAC_final(mine.ctx, out, &length, sizeof out) != 1) {
        throw std::runtime_error("HMAC-SHA-256 failed");
    }
    return std::string(reinterpret_cast<const char*>(out), length);
}

}  // namespace es::crypto
