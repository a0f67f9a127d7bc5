// An instance given several servers (storage.mysql.servers) connects to the first one that
// answers and is a ready, Synced Galera node; it passes over a server that is down or not
// Synced, and comes back to the first once that is well again (after failback_seconds).
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "galera_backend.hpp"
#include "share_world.hpp"

namespace es::test {
namespace {

using namespace std::chrono_literals;

class ServerFailover : public ShareWorld<GaleraNode1> {
  protected:
    GaleraCluster& cluster = GaleraCluster::shared();

    std::string database() const { return static_cast<GaleraBackend&>(*backend).database(); }

    // Settings listing `ports` in this order, failing back after one second.
    config::StorageSettings listing(const std::vector<int>& ports) const {
        auto s = cluster.settings(1, database());
        for (const int port : ports) {
            s.mysql.servers.push_back({"127.0.0.1", port});
        }
        s.mysql.failback_seconds = 1;
        return s;
    }

    // The plugin's connections to this test's database on `node` (the user "es" is the plugin's).
    int connections_on(int node) const {
        return std::stoi(cluster.sql(node, "",
                                     "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE "
                                     "USER = 'es' AND DB = '" +
                                         database() + "'"));
    }

    // Some work that borrows several connections at once and gives them back.
    static void work(store::Store& s, const domain::Share& share) {
        in_parallel(4, [&](int) {
            for (int i = 0; i < 5; ++i) {
                ASSERT_TRUE(s.shares().find("org-a", share.id).has_value());
            }
        });
    }

    int port(int node) const { return cluster.ports().at(static_cast<std::size_t>(node - 1)); }
};

// Leaves node `n` desynced (its state "Donor/Desynced", not Synced) while it lives.
class Desynced {
  public:
    Desynced(GaleraCluster& c, int n) : cluster_(c), node_(n) {
        cluster_.sql(node_, "", "SET GLOBAL wsrep_desync = ON");
    }
    ~Desynced() { resync(); }
    void resync() {
        if (node_ != 0) {
            cluster_.sql(node_, "", "SET GLOBAL wsrep_desync = OFF");
            node_ = 0;
        }
    }

  private:
    GaleraCluster& cluster_;
    int node_;
};

TEST_F(ServerFailover, EveryConnectionGoesToTheFirstListedServerWhileItIsWell) {
    const auto share = service->create(alice, request()).share;
    auto instance = store::open_store(listing({port(2), port(1), port(3)}));
    work(*instance, share);
    EXPECT_GT(connections_on(2), 0);
    EXPECT_EQ(0, connections_on(3));
}

TEST_F(ServerFailover, AServerThatIsDownIsPassedOver) {
    const auto share = service->create(alice, request()).share;
    // Port 1 on loopback: nothing listens there, the connect is refused at once.
    auto instance = store::open_store(listing({1, port(3)}));
    work(*instance, share);
    EXPECT_GT(connections_on(3), 0);
}

TEST_F(ServerFailover, NoServerAnsweringIsAnErrorNamingEachServer) {
    try {
        store::open_store(listing({1, 2}));
        FAIL() << "opened a store with no server answering";
    } catch (const domain::Error& e) {
        const std::string what = e.what();
        EXPECT_EQ(domain::Error::Kind::Unavailable, e.kind());
        EXPECT_NE(what.find("127.0.0.1:1: "), std::string::npos) << what;
        EXPECT_NE(what.find("127.0.0.1:2: "), std::string::npos) << what;
        EXPECT_EQ(what.find("es-test"), std::string::npos) << "no password in an error";
    }
}

TEST_F(ServerFailover, ANodeThatIsNotSyncedIsPassedOverAndTakenBackOnceItIsSyncedAgain) {
    const auto share = service->create(alice, request()).share;
    Desynced desynced(cluster, 2);
    auto instance = store::open_store(listing({port(2), port(3)}));
    work(*instance, share);
    EXPECT_EQ(0, connections_on(2)) << "a desynced node may lag: no connection goes there";
    EXPECT_GT(connections_on(3), 0);

    desynced.resync();
    std::this_thread::sleep_for(1500ms);  // past failback_seconds
    // Connections on the fallback are closed when given back; their successors go to node 2.
    for (int round = 0; round < 3; ++round) {
        work(*instance, share);
    }
    EXPECT_GT(connections_on(2), 0) << "back on the first server once it is Synced again";
}

}  // namespace
}  // namespace es::test
