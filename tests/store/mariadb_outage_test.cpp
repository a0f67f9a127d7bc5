// A MariaDB server that dies in the middle of creating a share: the caller gets an es error (not a
// crash), nothing half-written survives the restart, and the store reconnects by itself.
// Runs its own server: killing the shared one would break the other tests.
#include <gtest/gtest.h>

#include <filesystem>
#include <future>
#include <thread>

#include "mariadb_server.hpp"
#include "share_world.hpp"

namespace es::test {
namespace {

class MariadbOutage : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server = new MariadbServer(
            (std::filesystem::temp_directory_path() / ("es-outage-" + std::to_string(::getpid())))
                .string(),
            true);
    }
    static void TearDownTestSuite() {
        delete server;
        server = nullptr;
    }

    void SetUp() override {
        database = server->create_database();
        ::setenv("ES_TEST_MARIADB_PASSWORD", MariadbServer::password().c_str(), 1);
        settings.backend = config::StorageSettings::Backend::Mysql;
        settings.mysql.host = "127.0.0.1";
        settings.mysql.port = server->port();
        settings.mysql.database = database;
        settings.mysql.user = MariadbServer::user();
        settings.mysql.password_env = "ES_TEST_MARIADB_PASSWORD";
        settings.mysql.connect_timeout_seconds = 2;
        store = store::open_store(settings);
        cases.put("case-1", {"org-a", "general", {{"f1"}, {"j1"}, {"a1"}}, {"alice"}});
        service = std::make_unique<app::ShareService>(*store, cases, box, hasher, policy,
                                                      "https://share.example.org");
    }

    domain::ShareRequest request() {
        domain::ShareRequest r;
        r.case_id = "case-1";
        r.recipient.email = "erika@example.org";
        r.delivery = domain::Delivery::EmailedLink;
        return r;
    }

    static inline MariadbServer* server = nullptr;
    std::string database;
    config::StorageSettings settings;
    std::unique_ptr<store::Store> store;
    FakeCaseAccess cases;
    crypto::SecretBox box =
        crypto::SecretBox::from_key_lines("k1:" + crypto::base64_encode(crypto::random_bytes(32)));
    crypto::PasswordHasher hasher{fast_argon2()};
    config::PolicyConfig policy = test_policy();
    std::unique_ptr<app::ShareService> service;
    domain::Actor alice{"org-a", "alice", domain::Language::De};
};

TEST_F(MariadbOutage, ServerKilledMidCreateGivesUnavailableAndLeavesNoPartialShare) {
    service->create(alice, request());  // warm the pool: the kill must hit a live connection
    // The outbox insert (after the share and its selection) stalls, so the kill lands inside the
    // transaction.
    server->sql(database,
                "CREATE TRIGGER stall BEFORE INSERT ON outbox FOR EACH ROW SET @x = SLEEP(3)");
    auto pending =
        std::async(std::launch::async, [&] { return service->create(alice, request()); });
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    server->kill();
    try {
        pending.get();
        FAIL() << "create() reported success although the server died before the commit";
    } catch (const domain::Error& e) {
        EXPECT_EQ(e.kind(), domain::Error::Kind::Unavailable) << e.what();
    }
    server->start();
    EXPECT_EQ(server->sql(database, "SELECT COUNT(*) FROM shares"), "1\n");
    EXPECT_EQ(server->sql(database, "SELECT COUNT(*) FROM share_items"), "3\n");
    EXPECT_EQ(server->sql(database, "SELECT COUNT(*) FROM outbox"), "1\n");
    EXPECT_EQ(server->sql(database, "SELECT COUNT(*) FROM audit"), "1\n");
    server->sql(database, "DROP TRIGGER stall");
    // The same store object works again: dead pooled connections are replaced.
    EXPECT_EQ(service->list(alice, "case-1").size(), 1u);
    EXPECT_NO_THROW(service->create(alice, request()));
    EXPECT_EQ(server->sql(database, "SELECT COUNT(*) FROM shares"), "2\n");
}

TEST_F(MariadbOutage, ServerDownGivesAClearErrorAndReadsRecoverAfterRestart) {
    auto created = service->create(alice, request());
    server->stop();
    try {
        store->shares().find_live_by_token_hash(created.share.secrets.token_hash);
        FAIL() << "read from a stopped server";
    } catch (const domain::Error& e) {
        EXPECT_EQ(e.kind(), domain::Error::Kind::Unavailable) << e.what();
    }
    server->start();
    // One stale connection may still be pooled; the read retries once on a fresh one.
    EXPECT_TRUE(store->shares().find_live_by_token_hash(created.share.secrets.token_hash));
}

}  // namespace
}  // namespace es::test
