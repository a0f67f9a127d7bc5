// Slows down link scanning. Tokens are 256 bits, so guessing cannot succeed, but a client that
// earns the dead-link answer hundreds of times per second still costs a database round trip each
// time and is plainly scanning. Each client (IPv4 address, IPv6 /64) has a bucket of `burst`
// dead-link answers that refills at `per_minute`; with the bucket empty, every request of that
// client is refused with 429 before any lookup, whatever it names. Live links never take from the
// bucket, and a refused client is refused for live and dead links alike, so the throttle tells
// nobody which links exist.
//
// Per portal instance and in memory: a scanner spread over several instances is slowed on each.
// At most `max_clients` buckets are kept: refilled buckets (clients that stopped) are dropped
// first, then, if that freed too little, a tenth of the rest.
//
// Thread safety: any thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace es::portal {

class DeadLinkThrottle {
  public:
    using Clock = std::chrono::steady_clock;

    DeadLinkThrottle(int burst, int per_minute, std::size_t max_clients = 100000);

    // How long the client must wait, when its bucket is empty; nothing when it may go on.
    std::optional<std::chrono::seconds> refusal(const std::string& client_key,
                                                Clock::time_point now = Clock::now());

    // One dead-link answer given to the client.
    void count(const std::string& client_key, Clock::time_point now = Clock::now());

  private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point updated;
    };
    void refill(Bucket& b, Clock::time_point now) const;
    void make_room(Clock::time_point now);

    const double burst_;
    const double per_second_;
    const std::size_t max_clients_;
    std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace es::portal
