#include "portal/attempt_throttle.hpp"

#include <algorithm>

#include "domain/throttle_key.hpp"

namespace es::portal {
namespace {

const char* name_of(Attempt a) {
    return a == Attempt::Password ? "password" : "code";
}

}  // namespace

std::chrono::milliseconds AttemptThrottle::delay_after(int tries,
                                                       const config::GuessLimits& limits) {
    if (tries < limits.free_per_address) {
        return std::chrono::milliseconds(0);
    }
    // 2^1 s for the last free try; beyond 2^30 s every cap has long been reached.
    const int level = std::min(tries - limits.free_per_address + 1, 30);
    const auto delay = std::chrono::seconds(1LL << level);
    return std::min<std::chrono::milliseconds>(delay,
                                               std::chrono::seconds(limits.max_delay_seconds));
}

AttemptThrottle::Guess AttemptThrottle::reserve(const std::string& share_id,
                                                const std::string& client_key, Attempt attempt) {
    const config::GuessLimits limits = limits_;
    const auto rule = [limits](const store::ThrottleRepository::Counts& counts) {
        auto delay = delay_after(counts.own, limits);
        if (counts.shared > limits.share_tries_per_window) {
            // Guessing spread over many addresses: whoever tries now and is wrong waits for the
            // share's window to restart. A right try lifts it at once (record_success).
            delay = std::max(delay, counts.shared_window_left);
        }
        return delay;
    };
    const auto r = repository_.reserve(
        domain::share_client_throttle_key(share_id, name_of(attempt), client_key),
        domain::share_throttle_key(share_id, name_of(attempt)),
        std::chrono::minutes(limits.window_minutes), rule);
    Guess g;
    g.allowed = r.granted;
    g.wait = r.wait;
    g.delay = r.blocked;
    g.share_tries = r.counts.shared;
    return g;
}

void AttemptThrottle::record_success(const std::string& share_id, const std::string& client_key,
                                     Attempt attempt) {
    repository_.reset(domain::share_client_throttle_key(share_id, name_of(attempt), client_key));
}

AttemptThrottle::Send AttemptThrottle::reserve_code_send(const std::string& share_id,
                                                         const std::string& client_key,
                                                         int per_address, int per_share) {
    // The address first: one that used up its own budget is refused before it touches the
    // share's, so it cannot use that up for everybody else.
    const auto check = repository_.try_hit_all(
        {{domain::share_client_throttle_key(share_id, "code_send", client_key), per_address},
         {domain::share_throttle_key(share_id, "code_send"), per_share}},
        std::chrono::hours(1));
    Send s;
    if (check.refused) {
        s.refused = *check.refused == 0 ? SendRefusal::Address : SendRefusal::Share;
        s.retry_after = check.retry_after;
    }
    return s;
}

}  // namespace es::portal
