// What one instance commits, an instance on another node sees on its next read. Galera applies a
// commit on the other nodes asynchronously: without waiting for that (wsrep_sync_wait), a link
// revoked through instance A could still open through instance B for a moment after A answered.
#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "crypto/token.hpp"
#include "galera_backend.hpp"
#include "share_world.hpp"

namespace es::test {
namespace {

class AcrossNodes : public ShareWorld<GaleraNode1> {
  protected:
    void SetUp() override {
        ShareWorld<GaleraNode1>::SetUp();
        auto& galera = static_cast<GaleraBackend&>(*backend);
        other = store::open_store(GaleraCluster::shared().settings(2, galera.database()));
    }

    static std::string hash_of(const domain::CreatedShare& created) {
        return crypto::token_hash(created.url.substr(created.url.rfind('/') + 1));
    }

    std::unique_ptr<store::Store> other;  // an instance on node 2
};

TEST_F(AcrossNodes, ALinkCreatedOnOneNodeOpensAndARevokeShutsItOnTheNextReadOnAnother) {
    // Many rounds: a read that overtakes the other node's apply is a matter of microseconds on
    // loopback, so one round would prove little either way.
    constexpr int kRounds = 150;
    int not_yet_open = 0;
    int still_open = 0;
    for (int i = 0; i < kRounds; ++i) {
        const auto created = service->create(alice, request());
        const std::string hash = hash_of(created);
        if (!other->shares().find_live_by_token_hash(hash)) {
            ++not_yet_open;
        }
        service->revoke(alice, created.share.id);
        if (other->shares().find_live_by_token_hash(hash)) {
            ++still_open;
        }
    }
    EXPECT_EQ(0, not_yet_open) << "of " << kRounds << " links created on node 1";
    EXPECT_EQ(0, still_open) << "of " << kRounds << " links revoked on node 1";
}

// Two instances, on two nodes, count the same row at once. Galera settles such writes at commit
// (certification): the loser gets a deadlock error (1213) and must run its whole transaction
// again, or a download would be refused although the limit was not reached, or granted twice.
TEST_F(AcrossNodes, ADownloadLimitHoldsExactlyWhenBothInstancesCountAtOnce) {
    for (const int limit : {1, 20}) {
        domain::ShareRequest r = request();
        r.download_limit = limit;
        const auto share = service->create(alice, r).share;
        constexpr int kPerInstance = 25;
        std::atomic<int> granted{0};
        std::atomic<int> failed{0};
        std::latch start(2 * kPerInstance);
        std::vector<std::thread> threads;
        for (int i = 0; i < 2 * kPerInstance; ++i) {
            store::Store& instance = i % 2 == 0 ? *store : *other;
            threads.emplace_back([&] {
                start.arrive_and_wait();
                try {
                    if (instance.shares().consume_download(share.id)) {
                        ++granted;
                    }
                } catch (const domain::Error&) {
                    ++failed;
                }
            });
        }
        for (auto& t : threads) {
            t.join();
        }
        EXPECT_EQ(0, failed.load()) << "limit " << limit;
        EXPECT_EQ(limit, granted.load()) << "limit " << limit;
        EXPECT_EQ(limit, other->shares().find("org-a", share.id)->downloads_used);
    }
}

// How many times node 2 has waited for the cluster before a statement (wsrep_sync_wait).
std::int64_t causal_waits_on_node_2() {
    return std::stoll(GaleraCluster::shared().sql(
        2, "",
        "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = "
        "'WSREP_CAUSAL_READS'"));
}

// A request's reads (Store::with_snapshot, as the portal's gate reads a link) wait for the
// cluster once, at the first read, and still see every commit made on another node before the
// request began: the link, its selection, and then its revoke.
TEST_F(AcrossNodes, AReadSnapshotWaitsForTheClusterOnceAndStillSeesTheOtherNodesLastCommit) {
    constexpr int kRounds = 60;
    int unseen = 0;
    int revoked_but_open = 0;
    std::int64_t waits = 0;
    for (int i = 0; i < kRounds; ++i) {
        const auto created = service->create(alice, request());
        const std::string hash = hash_of(created);
        const auto before = causal_waits_on_node_2();
        other->with_snapshot([&] {
            auto share = other->shares().find_live_by_token_hash(hash);
            if (!share) {
                ++unseen;
                return;
            }
            // Four more reads of the same request, as the gate makes them.
            other->shares().selection(share->id);
            other->shares().find("org-a", share->id);
            other->shares().selection(share->id);
            other->shares().find_live_by_token_hash(hash);
        });
        waits += causal_waits_on_node_2() - before;
        service->revoke(alice, created.share.id);
        other->with_snapshot([&] {
            if (other->shares().find_live_by_token_hash(hash)) {
                ++revoked_but_open;
            }
        });
    }
    EXPECT_EQ(0, unseen) << "of " << kRounds << " links created on node 1";
    EXPECT_EQ(0, revoked_but_open) << "of " << kRounds << " links revoked on node 1";
    // Each status query is a read of its own on node 2 and may count itself; the snapshot's five
    // reads must count once.
    EXPECT_LE(waits, 2 * kRounds) << "waits for the cluster in " << kRounds
                                  << " snapshots of five reads each";
    EXPECT_GE(waits, kRounds) << "every snapshot waits once";
}

}  // namespace
}  // namespace es::test
