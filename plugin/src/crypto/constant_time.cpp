#include "crypto/constant_time.hpp"

#include <openssl/crypto.h>

namespace es::crypto {

bool equal_constant_time(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace es::crypto
