// Growing delays for password and code guesses, and a budget for code sends; counted in the
// database (store::ThrottleRepository) so every instance of the portal sees the same numbers.
//
// Each failure counts against the share and against the client (its IPv4 address or IPv6 /64).
// After a few free failures every further one blocks the key for a delay that doubles, capped at
// 15 minutes, and the count restarts an hour after its first failure. There is never a permanent
// lockout: someone hammering a share can delay its real recipient by at most the cap, and the
// per-client delay grows long before the per-share one.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "store/throttle_repository.hpp"

namespace es::portal {

enum class Attempt { Password, Code };

class AttemptThrottle {
  public:
    static constexpr int kFreeClientFailures = 5;
    static constexpr int kFreeShareFailures = 10;
    static constexpr std::chrono::seconds kMaxDelay{15 * 60};
    static constexpr std::chrono::seconds kWindow{60 * 60};

    explicit AttemptThrottle(store::ThrottleRepository& repository) : repository_(repository) {}

    // How long before this client may try this share again; nothing when it may try now.
    std::optional<std::chrono::milliseconds> wait_time(const std::string& share_id,
                                                       const std::string& client_key,
                                                       Attempt attempt);

    struct Failure {
        std::chrono::seconds delay;  // now imposed; zero while failures are still free
        int share_failures;          // the share's failures in the window, all clients together
    };

    // Counts a failure against the share and the client.
    Failure record_failure(const std::string& share_id, const std::string& client_key,
                           Attempt attempt);

    // The client proved itself: its own failures are forgotten (the share's are not).
    void record_success(const std::string& client_key, Attempt attempt);

    // Code sends: at most `per_hour` per share and three times that per client.
    bool allow_code_send(const std::string& share_id, const std::string& client_key, int per_hour);

    // The delay after `failures` failures of which `free` were free: 2 s, 4 s, 8 s … capped.
    static std::chrono::seconds delay_after(int failures, int free);

  private:
    int count_failure(const std::string& key, int cap);

    store::ThrottleRepository& repository_;
};

}  // namespace es::portal
