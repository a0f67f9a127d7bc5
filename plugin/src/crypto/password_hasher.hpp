// Argon2id password hashing (libargon2) on a bounded number of slots.
//
// Each hash costs memory_kib of RAM and noticeable CPU, so at most `capacity()` hashes run at once;
// further callers wait in line (blocking). A flood of password attempts therefore costs at most
// capacity × memory_kib, and the waiting threads cost nothing but their stack. With max_waiting
// set, callers beyond it are refused at once with Error(Unavailable) instead of queueing.
//
// Thread safety: all functions may be called from any thread at once.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "config/settings.hpp"

namespace es::crypto {

class PasswordHasher {
  public:
    // capacity: Argon2Settings::max_in_flight; when 0, std::thread::hardware_concurrency(). The
    // module resolves 0 to net::usable_cores() first, which honours a container's CPU limit.
    // max_waiting: callers allowed to queue; 0 = unbounded (bounded by the portal's thread pool).
    explicit PasswordHasher(config::Argon2Settings settings, int max_waiting = 0);

    // Passwords are hashed and checked in Unicode NFC (RFC 8265's OpaqueString does the same):
    // "ä" typed as one character or as "a" + U+0308, as keyboards and systems differ, is one
    // password.
    //
    // An encoded PHC string "$argon2id$v=19$m=…,t=…,p=…$salt$hash" with a fresh 128-bit salt.
    std::string hash(std::string_view password);

    // True when `password` matches `encoded` (any Argon2id parameters, so stronger settings later
    // still verify old hashes). False for a malformed `encoded`.
    bool verify(std::string_view encoded, std::string_view password);

    int capacity() const { return capacity_; }
    // Hashes running right now / the most that ever ran at once (for tests and metrics).
    int in_flight() const;
    int peak_in_flight() const;
    // Passwords checked with Argon2 so far (refused callers not counted).
    std::uint64_t verifications() const { return verifications_.load(std::memory_order_relaxed); }

  private:
    class Slot;

    config::Argon2Settings settings_;
    int capacity_;
    int max_waiting_;
    mutable std::mutex mutex_;
    std::condition_variable freed_;
    int running_ = 0;
    int waiting_ = 0;
    int peak_ = 0;
    std::atomic<std::uint64_t> verifications_{0};
};

}  // namespace es::crypto
