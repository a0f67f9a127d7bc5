#include "portal/attempt_throttle.hpp"

#include <gtest/gtest.h>

namespace es::portal {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(AttemptThrottle, TriesBeforeTheLastFreeOneCostNothing) {
    const config::GuessLimits limits;  // 5 free tries
    for (int tries = 1; tries < limits.free_per_address; ++tries) {
        EXPECT_EQ(milliseconds(0), AttemptThrottle::delay_after(tries, limits)) << tries;
    }
}

TEST(AttemptThrottle, DelayStartsWithTheLastFreeTryAndDoubles) {
    const config::GuessLimits limits;
    EXPECT_EQ(seconds(2), AttemptThrottle::delay_after(5, limits));
    EXPECT_EQ(seconds(4), AttemptThrottle::delay_after(6, limits));
    EXPECT_EQ(seconds(8), AttemptThrottle::delay_after(7, limits));
}

TEST(AttemptThrottle, DelayIsCappedSoNobodyIsLockedOutForGood) {
    config::GuessLimits limits;
    EXPECT_EQ(seconds(15 * 60), AttemptThrottle::delay_after(1000, limits));
    limits.max_delay_seconds = 60;
    EXPECT_EQ(seconds(60), AttemptThrottle::delay_after(12, limits));
}

}  // namespace
}  // namespace es::portal
