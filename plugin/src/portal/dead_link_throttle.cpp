#include "portal/dead_link_throttle.hpp"

#include <algorithm>
#include <cmath>

namespace es::portal {

DeadLinkThrottle::DeadLinkThrottle(int burst, int per_minute, std::size_t max_clients)
    : burst_(std::max(1, burst)),
      per_second_(std::max(1, per_minute) / 60.0),
      max_clients_(std::max<std::size_t>(1, max_clients)) {}

void DeadLinkThrottle::refill(Bucket& b, Clock::time_point now) const {
    const std::chrono::duration<double> elapsed = now - b.updated;
    if (elapsed.count() > 0) {
        b.tokens = std::min(burst_, b.tokens + elapsed.count() * per_second_);
        b.updated = now;
    }
}

std::optional<std::chrono::seconds> DeadLinkThrottle::refusal(const std::string& client_key,
                                                              Clock::time_point now) {
    std::lock_guard lock(mutex_);
    const auto it = buckets_.find(client_key);
    if (it == buckets_.end()) {
        return std::nullopt;
    }
    refill(it->second, now);
    if (it->second.tokens >= 1) {
        return std::nullopt;
    }
    const double wait = (1 - it->second.tokens) / per_second_;
    return std::chrono::seconds(static_cast<long>(std::ceil(wait)));
}

void DeadLinkThrottle::count(const std::string& client_key, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto it = buckets_.find(client_key);
    if (it == buckets_.end()) {
        make_room(now);
        it = buckets_.emplace(client_key, Bucket{burst_, now}).first;
    }
    refill(it->second, now);
    it->second.tokens = std::max(0.0, it->second.tokens - 1);
}

void DeadLinkThrottle::make_room(Clock::time_point now) {
    if (buckets_.size() < max_clients_) {
        return;
    }
    // A refilled bucket is the same as none.
    for (auto it = buckets_.begin(); it != buckets_.end();) {
        refill(it->second, now);
        it = it->second.tokens >= burst_ ? buckets_.erase(it) : std::next(it);
    }
    // Still nearly full (a scan from very many addresses at once): forget a tenth, whichever, so
    // the sweep above runs once per many new clients, not for each.
    const std::size_t keep = max_clients_ - max_clients_ / 10 - 1;
    for (auto it = buckets_.begin(); it != buckets_.end() && buckets_.size() > keep;) {
        it = buckets_.erase(it);
    }
}

}  // namespace es::portal
