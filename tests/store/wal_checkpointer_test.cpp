// The SQLite store's checkpoints run on a thread of their own (store/sqlite/wal_checkpointer.hpp):
// a committing connection only reports its WAL's size, the checkpointer copies it back, and the
// WAL still cannot grow without bound.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "store/sqlite/sqlite_connection.hpp"
#include "store/sqlite/wal_checkpointer.hpp"

namespace es::test {
namespace {

namespace fs = std::filesystem;
using store::sqlite::SqliteConnection;
using store::sqlite::WalCheckpointer;

class WalCheckpointerTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("es-wal-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string database() const { return (dir_ / "shares.db").string(); }
    std::uintmax_t size_of(const std::string& suffix) const {
        std::error_code ec;
        const auto n = fs::file_size(database() + suffix, ec);
        return ec ? 0 : n;
    }
    std::unique_ptr<SqliteConnection> connect(std::shared_ptr<WalCheckpointer> checkpointer) {
        return std::make_unique<SqliteConnection>(database(), 5000, gate_, std::move(checkpointer));
    }
    // One transaction of `kib` KiB of incompressible-looking rows.
    static void write(SqliteConnection& c, int kib, int round) {
        c.begin();
        for (int i = 0; i < kib; ++i) {
            c.execute("INSERT INTO filler (round, bytes) VALUES (?, randomblob(1024))",
                      {std::int64_t{round}});
        }
        c.commit();
    }

    fs::path dir_;
    SqliteConnection::WriterGate gate_ = std::make_shared<std::timed_mutex>();
};

TEST_F(WalCheckpointerTest, CommitsPastTheThresholdAreCheckpointedByTheCheckpointerThread) {
    auto checkpointer = std::make_shared<WalCheckpointer>(database());
    auto c = connect(checkpointer);
    c->execute("CREATE TABLE filler (round INTEGER, bytes BLOB)", {});
    write(*c, 100, 0);  // ~25 pages: under the threshold
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_EQ(checkpointer->checkpoints(), 0);
    const auto main_before = size_of("");

    write(*c, 8 * 1024, 1);  // 8 MiB: ~2000 pages, past the threshold
    for (int i = 0; i < 100 && checkpointer->checkpoints() == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_GE(checkpointer->checkpoints(), 1);
    // The pages reached the database file itself, not only the WAL.
    EXPECT_GT(size_of(""), main_before + 7 * 1024 * 1024);
}

TEST_F(WalCheckpointerTest, TheWalIsReusedInsteadOfGrowingWithEveryCommit) {
    auto checkpointer = std::make_shared<WalCheckpointer>(database());
    auto writer = connect(checkpointer);
    auto reader = connect(checkpointer);
    writer->execute("CREATE TABLE filler (round INTEGER, bytes BLOB)", {});
    // 80 MiB in 1 MiB commits, with a reader between them as the portal has: the WAL restarts
    // after each completed checkpoint, so it stays near the threshold, far below 80 MiB.
    for (int round = 0; round < 80; ++round) {
        write(*writer, 1024, round);
        EXPECT_FALSE(reader->query("SELECT COUNT(*) FROM filler", {}).empty());
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    EXPECT_GE(checkpointer->checkpoints(), 5);
    EXPECT_LT(size_of("-wal"), std::uintmax_t{40} * 1024 * 1024);
}

TEST_F(WalCheckpointerTest, WithoutACheckpointerSQLiteStillCheckpointsByItself) {
    auto c = connect(nullptr);
    c->execute("CREATE TABLE filler (round INTEGER, bytes BLOB)", {});
    for (int round = 0; round < 40; ++round) {
        write(*c, 1024, round);
    }
    EXPECT_LT(size_of("-wal"), std::uintmax_t{20} * 1024 * 1024);
}

}  // namespace
}  // namespace es::test
