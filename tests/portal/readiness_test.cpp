// Readiness (GET /ready's verdict) against a database read the test controls: a read that fails,
// one that hangs, and a portal that drains. The read runs on Readiness's own thread.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "portal/readiness.hpp"

namespace es::portal::test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

TEST(Readiness, ReadyWhenTheDatabaseAnswers) {
    std::atomic<int> reads{0};
    Readiness r([&] { ++reads; }, 1s);
    const auto v = r.check();
    EXPECT_TRUE(v.ready);
    EXPECT_EQ("ready", v.code);
    EXPECT_EQ(1, reads.load());
}

TEST(Readiness, NotReadyWhenTheReadFails) {
    std::atomic<bool> failing{true};
    Readiness r(
        [&] {
            if (failing) {
                throw std::runtime_error("SELECT ... FROM schema_version: /var/lib/secret.db");
            }
        },
        1s);
    const auto v = r.check();
    EXPECT_FALSE(v.ready);
    EXPECT_EQ("database_unavailable", v.code);
    EXPECT_EQ(std::string::npos, v.message.find("schema_version")) << "the failure leaked";
    failing = false;
    EXPECT_TRUE(r.check().ready) << "a check after the database came back used an old read";
}

TEST(Readiness, AHangingReadAnswersNotReadyInBoundedTime) {
    std::mutex m;
    std::condition_variable cv;
    bool hang = true;
    Readiness r(
        [&] {
            std::unique_lock lock(m);
            cv.wait(lock, [&] { return !hang; });
        },
        300ms);
    const auto start = Clock::now();
    const auto v = r.check();
    const double took = std::chrono::duration<double>(Clock::now() - start).count();
    EXPECT_FALSE(v.ready);
    EXPECT_EQ("database_slow", v.code);
    EXPECT_GE(took, 0.25);
    EXPECT_LT(took, 1.5);
    // Further checks do not pile up reads behind the hanging one, and still answer in time.
    const auto again = Clock::now();
    EXPECT_EQ("database_slow", r.check().code);
    EXPECT_LT(std::chrono::duration<double>(Clock::now() - again).count(), 1.5);
    {
        std::lock_guard lock(m);
        hang = false;
    }
    cv.notify_all();
    EXPECT_TRUE(r.check().ready);
}

TEST(Readiness, ManyChecksAtOnceShareReads) {
    std::atomic<int> reads{0};
    Readiness r(
        [&] {
            ++reads;
            std::this_thread::sleep_for(50ms);
        },
        2s);
    std::vector<std::thread> callers;
    std::atomic<int> ready{0};
    for (int i = 0; i < 40; ++i) {
        callers.emplace_back([&] { ready += r.check().ready ? 1 : 0; });
    }
    for (auto& t : callers) {
        t.join();
    }
    EXPECT_EQ(40, ready.load());
    EXPECT_LE(reads.load(), 10) << "each check ran a read of its own";
}

TEST(Readiness, DrainingIsNotReadyWithoutAsking) {
    std::atomic<int> reads{0};
    Readiness r([&] { ++reads; }, 1s);
    r.mark_draining();
    const auto v = r.check();
    EXPECT_FALSE(v.ready);
    EXPECT_EQ("draining", v.code);
    EXPECT_EQ(0, reads.load());
}

}  // namespace
}  // namespace es::portal::test
