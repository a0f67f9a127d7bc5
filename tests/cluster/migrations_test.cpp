// Instances that start at the same moment on an empty database, each on its own Galera node: the
// schema migrations run once, the others wait and then start on the finished schema. GET_LOCK is
// local to one node (Galera does not replicate it), so it cannot be what serialises them.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "galera_cluster.hpp"
#include "shell_command.hpp"
#include "store/store.hpp"

namespace es::test {
namespace {

// A database that a first instance migrated, then `before` (SQL), then the migration lock's row
// of `holder`, taken now by the database's clock.
std::string database_locked_by(GaleraCluster& cluster, const std::string& holder,
                               const std::string& before = "") {
    const std::string database = cluster.create_database();
    { auto first = store::open_store(cluster.settings(1, database)); }
    cluster.sql(1, database,
                before + "INSERT INTO schema_lock (id, holder, taken_at) VALUES (1, '" + holder +
                    "', CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED))");
    return database;
}

TEST(Migrations, RunOnceWhenInstancesOnEveryNodeStartTogether) {
    auto& cluster = GaleraCluster::shared();
    constexpr int kInstances = 2 * GaleraCluster::kNodes;
    // A race either way can hide once; several rounds on fresh databases make it show.
    for (int round = 0; round < 4; ++round) {
        const std::string database = cluster.create_database();
        std::latch start(kInstances);
        std::vector<std::string> failures(kInstances);
        std::vector<std::thread> instances;
        for (int i = 0; i < kInstances; ++i) {
            instances.emplace_back([&, i] {
                const auto settings = cluster.settings(1 + i % GaleraCluster::kNodes, database);
                start.arrive_and_wait();
                try {
                    auto store = store::open_store(settings);
                } catch (const std::exception& e) {
                    failures[static_cast<std::size_t>(i)] = e.what();
                }
            });
        }
        for (auto& t : instances) {
            t.join();
        }
        for (int i = 0; i < kInstances; ++i) {
            EXPECT_EQ("", failures[static_cast<std::size_t>(i)])
                << "round " << round << ", instance " << i << " on node "
                << 1 + i % GaleraCluster::kNodes;
        }
        // Every node holds every migration exactly once.
        const std::string versions =
            cluster.sql(1, database, "SELECT COUNT(*) FROM schema_version");
        EXPECT_NE("0\n", versions);
        for (int node = 1; node <= GaleraCluster::kNodes; ++node) {
            EXPECT_EQ("", cluster.sql(node, database,
                                      "SET SESSION wsrep_sync_wait = 1; SELECT version, COUNT(*) "
                                      "FROM schema_version GROUP BY version HAVING COUNT(*) <> 1"))
                << "node " << node;
            EXPECT_EQ(versions, cluster.sql(node, database,
                                            "SET SESSION wsrep_sync_wait = 1; "
                                            "SELECT COUNT(*) FROM schema_version"))
                << "node " << node;
        }
    }
}

// An instance killed while it held the migration lock leaves the lock's row behind. Instances that
// restart on the finished schema have nothing to migrate and must not wait for that row to go
// stale (ten minutes) or give up after two.
TEST(Migrations, AnUpToDateSchemaStartsAtOnceDespiteALockLeftByAKilledInstance) {
    auto& cluster = GaleraCluster::shared();
    const std::string database = database_locked_by(cluster, "killed/1/0");
    const auto started = std::chrono::steady_clock::now();
    for (int node = 1; node <= GaleraCluster::kNodes; ++node) {
        EXPECT_NO_THROW(store::open_store(cluster.settings(node, database))) << "node " << node;
    }
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
    EXPECT_EQ("1\n",
              cluster.sql(2, database,
                          "SET SESSION wsrep_sync_wait = 1; SELECT COUNT(*) FROM schema_lock"))
        << "the row was not the starting instances' to remove";
}

// Instances' clocks are not the database's. One running twenty minutes ahead (faketime) must still
// see a lock taken a moment ago as held, not as ten minutes stale: it waits for the holder, and
// migrates once the holder is done.
TEST(Migrations, AnInstanceWhoseClockRunsAheadWaitsForALiveHolder) {
    auto& cluster = GaleraCluster::shared();
    // The newest migration is pending again, and a live holder is applying it.
    const std::string database = database_locked_by(
        cluster, "alive/1/0", "DELETE FROM schema_version ORDER BY version DESC LIMIT 1; ");
    const std::string expected_version = std::to_string(
        std::stoi(cluster.sql(1, database, "SELECT MAX(version) FROM schema_version")) + 1);
    std::atomic<bool> done{false};
    std::string output;
    std::thread instance([&] {
        try {
            output = run_shell("faketime -f '+20m' " + shell_quote(ES_MIGRATION_PROBE) + " " +
                               std::to_string(cluster.ports().at(1)) + " " + shell_quote(database));
        } catch (const std::exception& e) {
            output = e.what();
        }
        done = true;
    });
    std::this_thread::sleep_for(std::chrono::seconds(4));
    const bool waited = !done;
    cluster.sql(1, database, "DELETE FROM schema_lock WHERE holder = 'alive/1/0'");
    instance.join();
    EXPECT_TRUE(waited) << "it took the live holder's lock:\n" << output;
    EXPECT_NE(std::string::npos, output.find("schema " + expected_version + "\n")) << output;
    // The clock really ran ahead (otherwise the test proves nothing).
    const auto at = output.find("clock ahead ms ");
    ASSERT_NE(std::string::npos, at) << output;
    EXPECT_GT(std::stoll(output.substr(at + 15)), 15LL * 60 * 1000) << output;
}

}  // namespace
}  // namespace es::test
