// Random secrets and their digests: session ids, CSRF tokens, salts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace host {

class Tokens {
  public:
    // Bytes from the operating system's CSPRNG (getrandom).
    static std::string random_bytes(std::size_t n);
    // 256 random bits, base64url without padding.
    static std::string random_token();
    // SHA-256 as 64 lowercase hex digits.
    static std::string sha256_hex(std::string_view data);
    static bool equal_constant_time(std::string_view a, std::string_view b);
};

}  // namespace host
