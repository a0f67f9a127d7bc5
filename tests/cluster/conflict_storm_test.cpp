// The portal's counters when two instances on two Galera nodes count them at once. Galera settles
// such writes at commit: the loser of each conflict gets a deadlock error and its whole
// transaction runs again (store/sql/conflict_backoff.hpp). A lost retry would show as an error
// here, a retried write that counted twice as one hit too many.
//
// Two deployments. OneWriter: both instances list the cluster's nodes in one order
// (storage.mysql.servers), so both write to the first node; every counter is exact. AcrossNodes:
// each instance on a node of its own. There, the two counters read and changed in several
// statements (a client's free guesses, a code's tries) lose an update now and then on MariaDB
// Galera 10.11: two transactions both counted the 4th guess as the 4th and both passed
// certification — the engine's "lost update" (Jepsen, MariaDB Galera Cluster 12.1.2, 2026).
// wsrep_sync_wait = 7 made it rarer (about 1 run in 3 → 3 in 30), not impossible. Those two stay
// DISABLED_ (run them with --gtest_also_run_disabled_tests) as the evidence for docs/storage.md.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <latch>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "app/secret_reseal.hpp"
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
    // The second instance's storage settings on this test's database.
    virtual config::StorageSettings other_settings(const std::string& database) const = 0;

    void SetUp() override {
        ShareWorld<GaleraNode1>::SetUp();
        auto& galera = static_cast<GaleraBackend&>(*backend);
        other = store::open_store(other_settings(galera.database()));
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

    std::unique_ptr<store::Store> other;

    void window_count_grants_exactly_its_limit();
    void parallel_guesses_get_exactly_the_free_tries();
    void a_code_spends_exactly_its_tries();
    void a_right_code_opens_exactly_once();
    void both_instances_reseal_every_share_once();
};

// The second instance on node 2.
class StormAcrossNodes : public ConflictStorm {
    config::StorageSettings other_settings(const std::string& database) const override {
        return GaleraCluster::shared().settings(2, database);
    }
};

// The second instance lists all three nodes, the first instance's node first: as every instance
// of a deployment should.
class StormOneWriter : public ConflictStorm {
    config::StorageSettings other_settings(const std::string& database) const override {
        auto s = GaleraCluster::shared().settings(1, database);
        for (const int port : GaleraCluster::shared().ports()) {
            s.mysql.servers.push_back({"127.0.0.1", port});
        }
        return s;
    }
};

void ConflictStorm::window_count_grants_exactly_its_limit() {
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

void ConflictStorm::parallel_guesses_get_exactly_the_free_tries() {
    const auto rule = [](const ThrottleRepository::Counts& c) {
        return c.own >= 5 ? std::chrono::milliseconds(60000) : std::chrono::milliseconds(0);
    };
    std::mutex seen_mutex;
    std::multiset<int> seen;
    const auto guesses = storm([&](store::Store& s) {
        const auto r = s.throttle().reserve("share:s1:password:ip:198.51.100.1",
                                            "share:s1:password", 3600s, rule);
        if (r.granted) {
            std::lock_guard lock(seen_mutex);
            seen.insert(r.counts.own);
        }
        return r.granted;
    });
    EXPECT_EQ(seen, (std::multiset<int>{1, 2, 3, 4, 5})) << "each counted one by one";
    EXPECT_EQ(0, guesses.errors);
    EXPECT_EQ(5, guesses.won);
    const auto next = other->throttle().reserve("share:s1:password:ip:198.51.100.9",
                                                "share:s1:password", 3600s, rule);
    ASSERT_TRUE(next.granted);
    EXPECT_EQ(6, next.counts.shared) << "the share counted the five granted guesses, no more";
}

void ConflictStorm::a_code_spends_exactly_its_tries() {
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

void ConflictStorm::a_right_code_opens_exactly_once() {
    const auto share = service->create(alice, request()).share;
    store->codes().issue(share.id, kBrowser, crypto::code_digest(share.id, "424242"), 10min);
    const auto right = storm([&](store::Store& s) {
        return s.codes().verify(share.id, kBrowser, crypto::code_digest(share.id, "424242"), 50) ==
               CodeCheck::Verified;
    });
    EXPECT_EQ(0, right.errors);
    EXPECT_EQ(1, right.won);
}

// Key rotation with the maintenance job running on both instances at once: every share ends
// sealed with the new key exactly once, and opens without the old key.
void ConflictStorm::both_instances_reseal_every_share_once() {
    const std::string old_key = "k1:" + crypto::base64_encode(crypto::random_bytes(32));
    const std::string new_key = "k2:" + crypto::base64_encode(crypto::random_bytes(32));
    box = crypto::SecretBox::from_key_lines(old_key);
    constexpr int kShares = 60;
    std::vector<std::pair<std::string, std::string>> tokens;  // id, token in clear
    for (int i = 0; i < kShares; ++i) {
        const auto share = service->create(alice, request()).share;
        tokens.emplace_back(share.id,
                            box.open(share.secrets.sealed_token, app::token_purpose(share.id)));
    }
    const auto rotated = crypto::SecretBox::from_key_lines(new_key + "\n" + old_key);
    std::atomic<int> resealed{0};
    std::atomic<int> errors{0};
    in_parallel(2, [&](int i) {
        try {
            resealed +=
                app::reseal_shares((i == 0 ? *store : *other).shares(), rotated, 7).resealed;
        } catch (const domain::Error&) {
            ++errors;
        }
    });
    EXPECT_EQ(0, errors.load());
    EXPECT_EQ(kShares, resealed.load()) << "each share re-sealed by one of the two";
    const auto only_new = crypto::SecretBox::from_key_lines(new_key);
    for (const auto& [id, token] : tokens) {
        const auto stored = other->shares().find("org-a", id);
        ASSERT_TRUE(stored.has_value());
        EXPECT_EQ(token, only_new.open(stored->secrets.sealed_token, app::token_purpose(id)));
    }
}

TEST_F(StormOneWriter, BothInstancesReSealEveryShareOnceWhenTheKeyRotates) {
    both_instances_reseal_every_share_once();
}

TEST_F(StormOneWriter, AWindowCountGrantsExactlyItsLimit) {
    window_count_grants_exactly_its_limit();
}
TEST_F(StormOneWriter, ParallelGuessesOfOneClientGetExactlyItsFreeTries) {
    parallel_guesses_get_exactly_the_free_tries();
}
TEST_F(StormOneWriter, AOneTimeCodeSpendsExactlyItsTriesAndIsThenRefused) {
    a_code_spends_exactly_its_tries();
}
TEST_F(StormOneWriter, ARightCodeSentFromBothInstancesOpensExactlyOnce) {
    a_right_code_opens_exactly_once();
}

TEST_F(StormAcrossNodes, AWindowCountGrantsExactlyItsLimit) {
    window_count_grants_exactly_its_limit();
}
TEST_F(StormAcrossNodes, DISABLED_ParallelGuessesOfOneClientGetExactlyItsFreeTries) {
    parallel_guesses_get_exactly_the_free_tries();
}
TEST_F(StormAcrossNodes, DISABLED_AOneTimeCodeSpendsExactlyItsTriesAndIsThenRefused) {
    a_code_spends_exactly_its_tries();
}
TEST_F(StormAcrossNodes, ARightCodeSentFromBothInstancesOpensExactlyOnce) {
    a_right_code_opens_exactly_once();
}

}  // namespace
}  // namespace es::test
