#include "crypto/password_hasher.hpp"

#include <argon2.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "crypto/random_bytes.hpp"
#include "domain/error.hpp"
#include "text/unicode_text.hpp"

namespace es::crypto {

namespace {
constexpr std::size_t kSaltSize = 16;
constexpr std::size_t kHashSize = 32;
}  // namespace

// Holds one of the hasher's slots for the duration of a hash; waits for one when all are taken.
class PasswordHasher::Slot {
  public:
    explicit Slot(PasswordHasher& h) : h_(h) {
        std::unique_lock lock(h_.mutex_);
        if (h_.running_ >= h_.capacity_) {
            if (h_.max_waiting_ > 0 && h_.waiting_ >= h_.max_waiting_) {
                throw domain::Error(domain::Error::Kind::Unavailable,
                                    "too many password checks at once; try again shortly");
            }
            ++h_.waiting_;
            h_.freed_.wait(lock, [&] { return h_.running_ < h_.capacity_; });
            --h_.waiting_;
        }
        ++h_.running_;
        h_.peak_ = std::max(h_.peak_, h_.running_);
    }
    ~Slot() {
        {
            std::lock_guard lock(h_.mutex_);
            --h_.running_;
        }
        h_.freed_.notify_one();
    }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;

  private:
    PasswordHasher& h_;
};

PasswordHasher::PasswordHasher(config::Argon2Settings settings, int max_waiting)
    : settings_(settings),
      capacity_(settings.max_in_flight > 0
                    ? settings.max_in_flight
                    : std::max(1, static_cast<int>(std::thread::hardware_concurrency()))),
      max_waiting_(max_waiting) {}

std::string PasswordHasher::hash(std::string_view typed) {
    const std::string password = text::nfc(typed);
    const std::string salt = random_bytes(kSaltSize);
    const std::size_t encoded_size =
        argon2_encodedlen(settings_.iterations, settings_.memory_kib, settings_.parallelism,
                          kSaltSize, kHashSize, Argon2_id);
    std::vector<char> encoded(encoded_size);
    int rc = 0;
    {
        Slot slot(*this);
        rc = argon2id_hash_encoded(
            settings_.iterations, settings_.memory_kib, settings_.parallelism, password.data(),
            password.size(), salt.data(), salt.size(), kHashSize, encoded.data(), encoded.size());
    }
    if (rc != ARGON2_OK) {
        throw domain::Error(domain::Error::Kind::Internal,
                            std::string("argon2id hashing failed: ") + argon2_error_message(rc));
    }
    return std::string(encoded.data());
}

bool PasswordHasher::verify(std::string_view encoded, std::string_view typed) {
    if (encoded.rfind("$argon2id$", 0) != 0) {
        return false;
    }
    const std::string password = text::nfc(typed);
    const std::string encoded_z(encoded);  // libargon2 wants a NUL-terminated string
    int rc = 0;
    {
        Slot slot(*this);
        verifications_.fetch_add(1, std::memory_order_relaxed);
        rc = argon2id_verify(encoded_z.c_str(), password.data(), password.size());
    }
    if (rc == ARGON2_OK) {
        return true;
    }
    if (rc == ARGON2_VERIFY_MISMATCH || rc == ARGON2_DECODING_FAIL ||
        rc == ARGON2_DECODING_LENGTH_FAIL) {
        return false;
    }
    if (rc == ARGON2_MEMORY_ALLOCATION_ERROR) {
        throw domain::Error(domain::Error::Kind::Unavailable, "out of memory checking a password");
    }
    return false;
}

int PasswordHasher::in_flight() const {
    std::lock_guard lock(mutex_);
    return running_;
}

int PasswordHasher::peak_in_flight() const {
    std::lock_guard lock(mutex_);
    return peak_;
}

}  // namespace es::crypto
