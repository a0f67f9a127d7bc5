#include "crypto/one_time_code.hpp"

#include <cstdint>
#include <limits>
#include <string>

#include "crypto/digest.hpp"
#include "crypto/random_bytes.hpp"
#include "domain/error.hpp"

namespace es::crypto {

std::string new_code(int digits) {
    if (digits < 4 || digits > 9) {
        throw domain::Error(domain::Error::Kind::InvalidInput,
                            "code digits must be from 4 to 9, not " + std::to_string(digits));
    }
    std::uint32_t range = 1;
    for (int i = 0; i < digits; ++i) {
        range *= 10;
    }
    const std::uint32_t limit = std::numeric_limits<std::uint32_t>::max() -
                                std::numeric_limits<std::uint32_t>::max() % range;
    std::uint32_t v = 0;
    do {
        fill_random(reinterpret_cast<unsigned char*>(&v), sizeof v);
    } while (v >= limit);
    std::string out = std::to_string(v % range);
    return std::string(static_cast<std::size_t>(digits) - out.size(), '0') + out;
}

std::string code_digest(std::string_view share_id, std::string_view code) {
    std::string input = "code:";
    input += share_id;
    input += ':';
    input += code;
    return sha256_hex(input);
}

}  // namespace es::crypto
