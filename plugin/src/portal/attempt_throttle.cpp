#include "portal/attempt_throttle.hpp"

#include <algorithm>

namespace es::portal {
namespace {

const char* name_of(Attempt a) {
    return a == Attempt::Password ? "password" : "code";
}

std::string share_key(const std::string& share_id, Attempt a) {
    return "portal:" + std::string(name_of(a)) + ":share:" + share_id;
}
std::string client_key_of(const std::string& client, Attempt a) {
    return "portal:" + std::string(name_of(a)) + ":" + client;
}

// Doublings needed to reach the cap (2^10 s > 15 min); beyond that the count need not grow.
constexpr int kLevels = 11;

}  // namespace

std::chrono::seconds AttemptThrottle::delay_after(int failures, int free) {
    if (failures <= free) {
        return std::chrono::seconds(0);
    }
    const int level = std::min(failures - free, 30);
    return std::min<std::chrono::seconds>(std::chrono::seconds(1LL << level), kMaxDelay);
}

std::optional<std::chrono::milliseconds> AttemptThrottle::wait_time(const std::string& share_id,
                                                                    const std::string& client_key,
                                                                    Attempt attempt) {
    auto a = repository_.blocked_for(share_key(share_id, attempt) + ":block");
    auto b = repository_.blocked_for(client_key_of(client_key, attempt) + ":block");
    if (!a && !b) {
        return std::nullopt;
    }
    return std::max(a.value_or(std::chrono::milliseconds(0)),
                    b.value_or(std::chrono::milliseconds(0)));
}

// ThrottleRepository::try_hit counts only hits within the limit, so probing with limits 1, 2, 3 …
// counts exactly one hit and tells its number, atomically even when failures arrive in parallel.
int AttemptThrottle::count_failure(const std::string& key, int cap) {
    for (int limit = 1; limit <= cap; ++limit) {
        if (repository_.try_hit(key, kWindow, limit)) {
            return limit;
        }
    }
    return cap + 1;
}

AttemptThrottle::Failure AttemptThrottle::record_failure(const std::string& share_id,
                                                         const std::string& client_key,
                                                         Attempt attempt) {
    const std::string sk = share_key(share_id, attempt);
    const std::string ck = client_key_of(client_key, attempt);
    const int share_failures = count_failure(sk + ":n", kFreeShareFailures + kLevels);
    const int client_failures = count_failure(ck + ":n", kFreeClientFailures + kLevels);
    const auto share_delay = delay_after(share_failures, kFreeShareFailures);
    const auto client_delay = delay_after(client_failures, kFreeClientFailures);
    if (share_delay.count() > 0) {
        repository_.block_for(sk + ":block", share_delay);
    }
    if (client_delay.count() > 0) {
        repository_.block_for(ck + ":block", client_delay);
    }
    return Failure{std::max(share_delay, client_delay), share_failures};
}

void AttemptThrottle::record_success(const std::string& client_key, Attempt attempt) {
    const std::string ck = client_key_of(client_key, attempt);
    repository_.reset(ck + ":n");
    repository_.reset(ck + ":block");
}

bool AttemptThrottle::allow_code_send(const std::string& share_id, const std::string& client_key,
                                      int per_hour) {
    const auto hour = std::chrono::seconds(3600);
    if (!repository_.try_hit("portal:code_send:share:" + share_id, hour, per_hour)) {
        return false;
    }
    return repository_.try_hit("portal:code_send:" + client_key, hour, per_hour * 3);
}

}  // namespace es::portal
