#include "auth/password_hash.hpp"

#include <stdexcept>
#include <vector>

#include <argon2.h>

#include "auth/tokens.hpp"

namespace host {

namespace {
constexpr uint32_t kTimeCost = 2;
constexpr uint32_t kMemoryKiB = 19 * 1024;
constexpr uint32_t kParallelism = 1;
constexpr size_t kSaltLen = 16;
constexpr size_t kHashLen = 32;
}  // namespace

std::string PasswordHash::create(const std::string& password) {
    std::string salt = Tokens::random_bytes(kSaltLen);
    size_t len =
        argon2_encodedlen(kTimeCost, kMemoryKiB, kParallelism, kSaltLen, kHashLen, Argon2_id);
    std::vector<char> encoded(len);
    int rc =
        argon2id_hash_encoded(kTimeCost, kMemoryKiB, kParallelism, password.data(), password.size(),
                              salt.data(), salt.size(), kHashLen, encoded.data(), encoded.size());
    if (rc != ARGON2_OK) {
        throw std::runtime_error(std::string("argon2id failed: ") + argon2_error_message(rc));
    }
    return std::string(encoded.data());
}

bool PasswordHash::verify(const std::string& encoded, const std::string& password) {
    return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

const std::string& PasswordHash::decoy() {
    static const std::string hash = create(Tokens::random_token());
    return hash;
}

}  // namespace host
