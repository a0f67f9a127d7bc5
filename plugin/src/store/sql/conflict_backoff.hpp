// How a transaction that lost a write conflict waits before it runs again.
//
// On one server InnoDB picks a deadlock victim now and then. On a Galera cluster every pair of
// concurrent writes to one row from two nodes ends with one of them losing at certification, and
// on a hot row (a download counter, a throttle bucket) a loser can lose again and again while the
// other node's threads keep committing: 25 threads per node counting one share lost a transaction
// after five short, fixed pauses in three of thirty runs on a loaded 2-core machine. A fixed pause
// sends the losers back together to collide again; a random pause whose range doubles with each
// loss spreads them out. The limit is time, not a number of tries, so that a busy cluster gets
// the tries it needs and a caller still gets an answer (Error(Unavailable)) within a bound.
#pragma once

#include <chrono>
#include <cstdint>

namespace es::store::sql {

// The pause after the `losses`-th lost conflict (1, 2, ...): drawn from [range/2, range] with
// `random`, where range doubles from 1 ms per loss up to 64 ms.
std::chrono::microseconds conflict_pause(int losses, std::uint64_t random);

class ConflictBackoff {
  public:
    explicit ConflictBackoff(std::chrono::milliseconds budget = std::chrono::milliseconds(3000))
        : budget_(budget), start_(std::chrono::steady_clock::now()) {}

    // After a lost conflict: waits and returns true when another try fits in the budget, else
    // returns false at once.
    bool wait_after_loss();

  private:
    std::chrono::milliseconds budget_;
    std::chrono::steady_clock::time_point start_;
    int losses_ = 0;
};

}  // namespace es::store::sql
