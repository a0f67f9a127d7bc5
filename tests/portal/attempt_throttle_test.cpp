#include "portal/attempt_throttle.hpp"

#include <gtest/gtest.h>

namespace es::portal {
namespace {

TEST(AttemptThrottle, FreeFailuresCostNothing) {
    EXPECT_EQ(0, AttemptThrottle::delay_after(5, 5).count());
}

TEST(AttemptThrottle, DelayDoublesAfterTheFreeFailures) {
    EXPECT_EQ(2, AttemptThrottle::delay_after(6, 5).count());
    EXPECT_EQ(4, AttemptThrottle::delay_after(7, 5).count());
    EXPECT_EQ(8, AttemptThrottle::delay_after(8, 5).count());
}

TEST(AttemptThrottle, DelayIsCappedSoNobodyIsLockedOutForGood) {
    EXPECT_EQ(AttemptThrottle::kMaxDelay, AttemptThrottle::delay_after(1000, 5));
    EXPECT_LE(AttemptThrottle::kMaxDelay.count(), 15 * 60);
}

}  // namespace
}  // namespace es::portal
