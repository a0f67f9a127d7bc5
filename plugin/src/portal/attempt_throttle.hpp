// Limits on password and code guesses and on code sends, counted in the database
// (store::ThrottleRepository) so every instance of the portal sees the same numbers.
//
// Guesses: each one is reserved BEFORE it is checked, in one transaction, and never refunded: N
// guesses sent in parallel count as N. Every client (IPv4 address or IPv6 /64) has a few free
// tries per share; the try that uses up the last one already blocks the client for 2 s, the next
// for 4 s, doubling up to a cap, so a burst from one client gets exactly its free tries checked
// and the rest refused. A right guess forgets the client's own count. Nothing a client does delays
// another client that has not failed: only a client's own block is checked. The share-wide count
// changes what a WRONG try costs: once the whole share has seen many tries in its window, a client
// that tries waits until that window restarts unless its try was right. So an attacker on one
// address delays only himself, and a botnet's guesses per hour are bounded by the share-wide
// tries plus one per address. The numbers and the reasoning are in docs/security.md.
//
// Code sends: a budget per client address, checked first, and a share-wide one (an SMS cost
// bound) that no single address can use up.
#pragma once

#include <chrono>
#include <string>

#include "config/settings.hpp"
#include "store/throttle_repository.hpp"

namespace es::portal {

enum class Attempt { Password, Code };

class AttemptThrottle {
  public:
    AttemptThrottle(store::ThrottleRepository& repository, const config::GuessLimits& limits)
        : repository_(repository), limits_(limits) {}

    struct Guess {
        bool allowed = false;
        std::chrono::milliseconds wait{0};   // refused: until this client may guess again
        std::chrono::milliseconds delay{0};  // allowed: what the client waits should it be wrong
        int share_tries = 0;  // allowed: the share's tries in its window, this one in
    };

    // Reserves one guess of this client at this share before anything is checked.
    Guess reserve(const std::string& share_id, const std::string& client_key, Attempt attempt);

    // The client's guess was right: its own count and delay are forgotten (the share's are not).
    void record_success(const std::string& share_id, const std::string& client_key,
                        Attempt attempt);

    enum class SendRefusal { None, Address, Share };
    struct Send {
        SendRefusal refused = SendRefusal::None;
        std::chrono::milliseconds retry_after{0};  // refused: until that budget's hour restarts
    };
    // Counts one code send against the client's hourly budget and the share's, both or neither.
    Send reserve_code_send(const std::string& share_id, const std::string& client_key,
                           int per_address, int per_share);

    // The delay a client's `tries`-th try imposes: none while tries remain free, then 2 s for the
    // try that uses up the last free one, 4 s, 8 s ... capped at limits.max_delay_seconds.
    static std::chrono::milliseconds delay_after(int tries, const config::GuessLimits& limits);

  private:
    store::ThrottleRepository& repository_;
    const config::GuessLimits& limits_;
};

}  // namespace es::portal
