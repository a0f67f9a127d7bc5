// The pause between tries of a transaction that lost a write conflict: random within a range that
// doubles per loss up to a cap, and a budget in time after which the caller gets the error.
#include "store/sql/conflict_backoff.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <limits>

namespace es::store::sql {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;

TEST(ConflictPause, TheRangeDoublesWithEachLossAndStopsAt64Milliseconds) {
    const std::uint64_t lowest = 0;
    const std::uint64_t highest = std::numeric_limits<std::uint64_t>::max();
    struct Expected {
        int losses;
        std::int64_t from_us;
    };
    for (const Expected e : {Expected{1, 500}, Expected{2, 1000}, Expected{3, 2000},
                             Expected{7, 32000}, Expected{8, 32000}, Expected{40, 32000}}) {
        EXPECT_EQ(microseconds(e.from_us), conflict_pause(e.losses, lowest)) << e.losses;
        for (std::uint64_t r : {lowest, highest, std::uint64_t{12345}, std::uint64_t{999999}}) {
            const auto pause = conflict_pause(e.losses, r);
            EXPECT_GE(pause, microseconds(e.from_us)) << e.losses;
            EXPECT_LE(pause, microseconds(2 * e.from_us)) << e.losses;
        }
    }
}

TEST(ConflictPause, DifferentDrawsGiveDifferentPauses) {
    // Threads that lost together must not all come back at the same moment.
    EXPECT_NE(conflict_pause(5, 1), conflict_pause(5, 2));
    EXPECT_NE(conflict_pause(5, 100), conflict_pause(5, 7000));
}

TEST(ConflictBackoff, GivesUpOnceTheNextPauseWouldPassTheBudget) {
    ConflictBackoff backoff(milliseconds(40));
    const auto start = std::chrono::steady_clock::now();
    int tries = 0;
    while (backoff.wait_after_loss()) {
        ++tries;
        ASSERT_LT(tries, 100);
    }
    const auto spent = std::chrono::steady_clock::now() - start;
    // Pauses of at least 0.5 + 1 + 2 + 4 + 8 ms fit in 40 ms; 64 ms of pauses cannot.
    EXPECT_GE(tries, 3);
    EXPECT_LE(tries, 6);
    EXPECT_LE(spent, milliseconds(40 + 100));  // the budget, plus a loaded scheduler's slack
}

TEST(ConflictBackoff, TheDefaultBudgetAllowsManyTriesOnAHotRow) {
    // Thirty lost conflicts in a row take at most 1+2+...+64 + 24 * 64 ms < 3 s: a loser on a
    // busy cluster keeps its place in line rather than failing its caller after five.
    std::int64_t worst_us = 0;
    for (int losses = 1; losses <= 30; ++losses) {
        worst_us += conflict_pause(losses, std::numeric_limits<std::uint64_t>::max()).count();
    }
    EXPECT_LT(worst_us, 3'000'000);
}

}  // namespace
}  // namespace es::store::sql
