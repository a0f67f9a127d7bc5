#include <gtest/gtest.h>

#include <random>

#include "notify/backoff.hpp"

using es::notify::Backoff;
using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(Backoff, DoublesUpToTheMaximum) {
    const Backoff b(seconds(5), seconds(60));
    EXPECT_EQ(b.ceiling(1), seconds(5));
    EXPECT_EQ(b.ceiling(2), seconds(10));
    EXPECT_EQ(b.ceiling(4), seconds(40));
    EXPECT_EQ(b.ceiling(5), seconds(60));
    EXPECT_EQ(b.ceiling(100), seconds(60));
}

TEST(Backoff, JitterStaysInTheUpperHalfAndVaries) {
    const Backoff b(seconds(8), seconds(3600));
    std::mt19937_64 random(42);
    std::set<long long> seen;
    for (int i = 0; i < 200; ++i) {
        const milliseconds d = b.delay(3, random);
        EXPECT_GE(d, seconds(16));
        EXPECT_LE(d, seconds(32));
        seen.insert(d.count());
    }
    EXPECT_GT(seen.size(), 50u);
}
