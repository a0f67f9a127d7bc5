// The SQLite access log's own file (store/sqlite/sqlite_schema.hpp): where events are written, how
// an installation from before it is moved, and what a lost log file costs.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "config/settings.hpp"
#include "domain/access_event.hpp"
#include "store/sqlite/sqlite_schema.hpp"
#include "store/store.hpp"

namespace es::test {
namespace {

namespace fs = std::filesystem;

class SqliteAccessLogFile : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("es-access-log-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        settings_.backend = config::StorageSettings::Backend::Sqlite;
        settings_.sqlite_path = database().string();
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path database() const { return dir_ / "shares.db"; }
    fs::path log_file() const { return store::sqlite::access_log_path(database().string()); }
    std::unique_ptr<store::Store> open() const { return store::open_store(settings_); }

    static domain::AccessEvent event(const std::string& outcome) {
        domain::AccessEvent e;
        e.share_id = "share-1";
        e.organisation_id = "org-1";
        e.case_id = "case-1";
        e.at = domain::now_utc();
        e.client_ip = "192.0.2.1";
        e.user_agent = "test";
        e.action = "view";
        e.outcome = outcome;
        return e;
    }

    // Straight on one file, without the store and without attaching anything.
    static std::int64_t scalar(const fs::path& file, const std::string& sql) {
        sqlite3* db = nullptr;
        if (sqlite3_open(file.c_str(), &db) != SQLITE_OK) {
            sqlite3_close(db);
            throw std::runtime_error("cannot open " + file.string());
        }
        sqlite3_stmt* stmt = nullptr;
        std::int64_t value = -1;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW) {
            value = sqlite3_column_int64(stmt, 0);
        }
        sqlite3_finalize(stmt);
        sqlite3_close(db);
        return value;
    }
    static void exec(const fs::path& file, const std::string& sql) {
        sqlite3* db = nullptr;
        sqlite3_open(file.c_str(), &db);
        char* error = nullptr;
        const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
        const std::string message = error != nullptr ? error : "";
        sqlite3_free(error);
        sqlite3_close(db);
        if (rc != SQLITE_OK) {
            throw std::runtime_error(message + " in " + sql);
        }
    }

    config::StorageSettings settings_;
    fs::path dir_;
};

TEST_F(SqliteAccessLogFile, EventsAreWrittenToTheirOwnFileAndReadBack) {
    {
        auto store = open();
        store->access_log().append(event("ok"));
        store->access_log().append_all({event("wrong_password"), event("throttled")});
        EXPECT_EQ(store->access_log().for_share("org-1", "share-1", {}).size(), 3u);
    }
    EXPECT_EQ(scalar(log_file(), "SELECT COUNT(*) FROM access_events"), 3);
    EXPECT_EQ(scalar(database(),
                     "SELECT COUNT(*) FROM sqlite_master WHERE name = "
                     "'access_events'"),
              0);
}

TEST_F(SqliteAccessLogFile, EventsOfAnOlderInstallationAreMovedOnceAndKeepTheirIds) {
    open().reset();
    // The layout before: the table in the main file, with events; one of them already copied,
    // as if a move had been cut off between its copy and its drop.
    exec(database(),
         "CREATE TABLE access_events (id INTEGER PRIMARY KEY AUTOINCREMENT, share_id TEXT NOT "
         "NULL, organisation_id TEXT NOT NULL, case_id TEXT NOT NULL, at INTEGER NOT NULL, "
         "client_ip TEXT NOT NULL, user_agent TEXT NOT NULL, action TEXT NOT NULL, item_id TEXT "
         "NOT NULL, outcome TEXT NOT NULL)");
    for (int id = 1; id <= 3; ++id) {
        exec(database(), "INSERT INTO access_events VALUES (" + std::to_string(id) +
                             ", 'share-1', 'org-1', 'case-1', " + std::to_string(1000 * id) +
                             ", '192.0.2.1', 'ua', 'view', '', 'old-" + std::to_string(id) + "')");
    }
    exec(log_file(),
         "INSERT INTO access_events VALUES (2, 'share-1', 'org-1', 'case-1', 2000, '192.0.2.1', "
         "'ua', 'view', '', 'old-2')");

    auto store = open();
    EXPECT_EQ(scalar(database(),
                     "SELECT COUNT(*) FROM sqlite_master WHERE name = "
                     "'access_events'"),
              0);
    const auto events = store->access_log().for_share("org-1", "share-1", {});
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].id, 3);  // newest first
    EXPECT_EQ(events[0].outcome, "old-3");
    EXPECT_EQ(events[2].id, 1);
    // New events continue after the moved ids.
    store->access_log().append(event("new"));
    EXPECT_EQ(store->access_log().for_share("org-1", "share-1", {}).front().id, 4);
}

TEST_F(SqliteAccessLogFile, LostLogFileComesBackEmptyAndTheStoreKeepsWorking) {
    {
        auto store = open();
        store->access_log().append(event("ok"));
    }
    fs::remove(log_file());
    auto store = open();
    EXPECT_TRUE(store->access_log().for_share("org-1", "share-1", {}).empty());
    store->access_log().append(event("after"));
    EXPECT_EQ(store->access_log().for_share("org-1", "share-1", {}).size(), 1u);
}

}  // namespace
}  // namespace es::test
