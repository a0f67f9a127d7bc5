// Every counter that guards the portal stays exact when two instances on two Galera nodes count
// it at once. Galera settles such writes at commit: the loser of each conflict gets a deadlock
// error and its whole transaction runs again (store/sql/conflict_backoff.hpp). A lost retry
// would show as an error here, a retried write that counted twice as one hit too many.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "crypto/one_time_code.hpp"
#include "galera_backend.hpp"
#include "share_world.hpp"

namespace es::test {
namespace {

using namespace std::chrono_literals;
using store::CodeCheck;
using store::ThrottleRepository;

constexpr int kThreadsPerInstance = 20;
const std::string kBrowser(64, 'b');

class ConflictStorm : public ShareWorld<GaleraNode1> {
  protected:
    void SetUp() override {
        ShareWorld<GaleraNode1>::SetUp();
        auto& galera = static_cast<GaleraBackend&>(*backend);
        other = store::open_store(GaleraCluster::shared().settings(2, galera.database()));
    }

    // Runs attempt(instance) on 20 threads per instance, all released together; counts the
    // attempts that returned true and the ones that threw.
    template <class F>
    RaceResult storm(F attempt) {
        std::atomic<int> won{0};
        std::atomic<int> errors{0};
        std::latch start(2 * kThreadsPerInstance);
        std::vector<std::thread> threads;
        for (int i = 0; i < 2 * kThreadsPerInstance; ++i) {
            store::Store& instance = i % 2 == 0 ? *store : *other;
            threads.emplace_back([&] {
                start.arrive_and_wait();
                try {
                    won += attempt(instance) ? 1 : 0;
                } catch (const domain::Error&) {
                    ++errors;
                }
            });
        }
        for (auto& t : threads) {
            t.join();
        }
        return {won.load(), errors.load()};
    }

    std::unique_ptr<store::Store> other;  // an instance on node 2
};

TEST_F(ConflictStorm, AWindowCountGrantsExactlyItsLimit) {
    const auto capped = storm([](store::Store& s) {
        return s.throttle().try_hit("share:s1:send:ip:198.51.100.1", 3600s, 15);
    });
    EXPECT_EQ(0, capped.errors);
    EXPECT_EQ(15, capped.won);

    // Under a limit nobody reaches, every hit counts once: 40, so exactly one more fits in 41.
    const std::string key = "share:s1:send:ip:198.51.100.2";
    const auto open =
        storm([&](store::Store& s) { return s.throttle().try_hit(key, 3600s, 1000); });
    EXPECT_EQ(0, open.errors);
    EXPECT_EQ(2 * kThreadsPerInstance, open.won);
    EXPECT_TRUE(other->throttle().try_hit(key, 3600s, 2 * kThreadsPerInstance + 1));
    EXPECT_FALSE(store->throttle().try_hit(key, 3600s, 2 * kThreadsPerInstance + 1));
}

TEST_F(ConflictStorm, ParallelGuessesOfOneClientGetExactlyItsFreeTries) {
    const auto rule = [](const ThrottleRepository::Counts& c) {
        return c.own >= 5 ? std::chrono::milliseconds(60000) : std::chrono::milliseconds(0);
    };
    const auto guesses = storm([&](store::Store& s) {
        return s.throttle()
            .reserve("share:s1:password:ip:198.51.100.1", "share:s1:password", 3600s, rule)
            .granted;
    });
    EXPECT_EQ(0, guesses.errors);
    EXPECT_EQ(5, guesses.won);
    const auto next = other->throttle().reserve("share:s1:password:ip:198.51.100.9",
                                                "share:s1:password", 3600s, rule);
    ASSERT_TRUE(next.granted);
    EXPECT_EQ(6, next.counts.shared) << "the share counted the five granted guesses, no more";
}

TEST_F(ConflictStorm, AOneTimeCodeSpendsExactlyItsTriesAndIsThenRefused) {
    const auto share = service->create(alice, request()).share;
    store->codes().issue(share.id, kBrowser, crypto::code_digest(share.id, "424242"), 10min);
    std::atomic<int> next_guess{100000};
    const auto wrong = storm([&](store::Store& s) {
        const std::string guess = std::to_string(next_guess++);
        return s.codes().verify(share.id, kBrowser, crypto::code_digest(share.id, guess), 5) ==
               CodeCheck::Wrong;
    });
    EXPECT_EQ(0, wrong.errors);
    EXPECT_EQ(5, wrong.won);
    EXPECT_EQ(
        CodeCheck::TriesExhausted,
        other->codes().verify(share.id, kBrowser, crypto::code_digest(share.id, "424242"), 5));
}

TEST_F(ConflictStorm, ARightCodeSentFromBothInstancesOpensExactlyOnce) {
    const auto share = service->create(alice, request()).share;
    store->codes().issue(share.id, kBrowser, crypto::code_digest(share.id, "424242"), 10min);
    const auto right = storm([&](store::Store& s) {
        return s.codes().verify(share.id, kBrowser, crypto::code_digest(share.id, "424242"), 50) ==
               CodeCheck::Verified;
    });
    EXPECT_EQ(0, right.errors);
    EXPECT_EQ(1, right.won);
}

}  // namespace
}  // namespace es::test
