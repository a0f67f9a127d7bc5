// Rate limits kept in the database so several host processes share them. Keys are free text; the
// portal's are laid out by domain/throttle_key.hpp ("share:<id>:password:ip:203.0.113.7", ...).
//
// Thread safety and errors as in share_repository.hpp. Every change is one transaction on the
// keys' rows, decided by conditional statements in SQL; nothing is counted in memory.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit_entry.hpp"

namespace es::store {

class ThrottleRepository {
  public:
    virtual ~ThrottleRepository() = default;

    // Counts one hit in the key's fixed window (database clock); a window older than `window`
    // restarts at zero. True when this hit is within `limit`; a refused hit is not counted.
    virtual bool try_hit(const std::string& key, std::chrono::seconds window, int limit) = 0;

    // One key's budget for try_hit_all.
    struct Quota {
        std::string key;
        int limit = 0;
    };
    struct QuotaCheck {
        // Index in the list of the first quota that was used up; nothing: every key was counted.
        std::optional<std::size_t> refused;
        // Refused: until the refused key's window restarts.
        std::chrono::milliseconds retry_after{0};
    };
    // try_hit on every key at once: all are counted, or (when any quota is used up) none.
    virtual QuotaCheck try_hit_all(const std::vector<Quota>& quotas,
                                   std::chrono::seconds window) = 0;

    // What a granted reservation counted, this hit included.
    struct Counts {
        int own = 0;     // hits on the own key within its window
        int shared = 0;  // hits on the shared key within its window
        std::chrono::milliseconds shared_window_left{0};  // until the shared key's window restarts
    };
    // How long the own key is refused after a granted reservation with these counts; zero for
    // not at all. Called inside the transaction (possibly more than once): it must be pure.
    using BlockRule = std::function<std::chrono::milliseconds(const Counts&)>;
    struct Reservation {
        bool granted = false;
        std::chrono::milliseconds wait{0};     // refused: how long the own key is still blocked
        Counts counts;                         // granted: the counts with this hit
        std::chrono::milliseconds blocked{0};  // granted: the block this hit put on the own key
    };
    // Reserves one hit on `own_key` and on `shared_key` in one transaction, unless `own_key` is
    // blocked right now (then nothing is counted and `wait` says for how long). A granted hit
    // then blocks `own_key` for rule(counts) at once, before the caller acts on it, so hits sent
    // in parallel see each other's blocks: N hits count as N, and once a hit has blocked the key
    // every later one is refused. A hit is never refunded; reset() forgets a key.
    virtual Reservation reserve(const std::string& own_key, const std::string& shared_key,
                                std::chrono::seconds window, const BlockRule& rule) = 0;

    // Refuses the key for `delay` from now (e.g. growing delays after wrong passwords).
    virtual void block_for(const std::string& key, std::chrono::seconds delay) = 0;

    // How long the key is still refused, or nothing when it is free.
    virtual std::optional<std::chrono::milliseconds> blocked_for(const std::string& key) = 0;

    virtual void reset(const std::string& key) = 0;

    // Deletes every key that starts with `prefix` and writes `audit`, in one transaction.
    // Returns how many keys were deleted.
    virtual int reset_prefix(const std::string& prefix, const domain::AuditEntry& audit) = 0;

    // Deletes rows untouched for longer than `age`. Returns how many.
    virtual int purge_older_than(std::chrono::seconds age) = 0;
};

}  // namespace es::store
