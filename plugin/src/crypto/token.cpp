#include "crypto/token.hpp"

#include "crypto/base64url.hpp"
#include "crypto/digest.hpp"
#include "crypto/random_bytes.hpp"

namespace es::crypto {

std::string new_token() {
    return base64url_encode(random_bytes(32));
}

std::string token_hash(std::string_view token) {
    return sha256_hex(token);
}

bool looks_like_token(std::string_view text) {
    if (text.size() != kTokenLength) {
        return false;
    }
    for (char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) {
            return false;
        }
    }
    return true;
}

std::string new_share_id() {
    const std::string raw = random_bytes(16);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : raw) {
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    return out;
}

}  // namespace es::crypto
