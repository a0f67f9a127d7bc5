#include "store/sqlite/wal_checkpointer.hpp"

#include <sqlite3.h>

#include "domain/error.hpp"
#include "store/sqlite/sqlite_schema.hpp"

namespace es::store::sqlite {
namespace {

constexpr int kOpenBusyTimeoutMs = 5000;

}  // namespace

WalCheckpointer::WalCheckpointer(const std::string& database_path) {
    const int rc =
        sqlite3_open_v2(database_path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        throw domain::Error(domain::Error::Kind::Unavailable,
                            "cannot open the SQLite database " + database_path + ": " + why);
    }
    // It never commits anything, so it never checkpoints by itself either.
    sqlite3_wal_autocheckpoint(db_, 0);
    // Opening and attaching may meet another process's lock: one that recovers the WAL of a
    // process killed mid-write holds it for a moment. Without a busy handler the attach failed
    // at once with "database is locked", and the store with it (notify.OutboxCrash, a second
    // worker started while the first one's WAL was recovered).
    sqlite3_busy_timeout(db_, kOpenBusyTimeoutMs);
    sqlite3_stmt* attach = nullptr;
    const std::string log = access_log_path(database_path);
    if (sqlite3_prepare_v2(db_, "ATTACH DATABASE ? AS access_log", -1, &attach, nullptr) !=
            SQLITE_OK ||
        sqlite3_bind_text(attach, 1, log.c_str(), static_cast<int>(log.size()), SQLITE_TRANSIENT) !=
            SQLITE_OK ||
        sqlite3_step(attach) != SQLITE_DONE) {
        const std::string why = sqlite3_errmsg(db_);
        sqlite3_finalize(attach);
        sqlite3_close(db_);
        throw domain::Error(domain::Error::Kind::Unavailable,
                            "cannot attach the access log " + log + ": " + why);
    }
    sqlite3_finalize(attach);
    thread_ = std::thread([this] { run(); });
}

WalCheckpointer::~WalCheckpointer() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
    sqlite3_close(db_);
}

void WalCheckpointer::watch(sqlite3* db) {
    sqlite3_wal_hook(db, &WalCheckpointer::on_commit, this);
}

long WalCheckpointer::checkpoints() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return checkpoints_;
}

int WalCheckpointer::on_commit(void* self, sqlite3* db, const char* schema, int pages) {
    auto& me = *static_cast<WalCheckpointer*>(self);
    if (pages >= kInlinePages) {
        // Fallen far behind: what SQLite's automatic checkpoint would have done, in this thread.
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        return SQLITE_OK;
    }
    if (pages >= kCheckpointPages) {
        bool first = false;
        {
            std::lock_guard<std::mutex> lock(me.mutex_);
            first = me.due_.insert(schema).second;
        }
        if (first) {
            me.wake_.notify_one();
        }
    }
    return SQLITE_OK;
}

void WalCheckpointer::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || !due_.empty(); });
        if (stopping_) {
            return;
        }
        const std::string schema = *due_.begin();
        due_.erase(due_.begin());
        lock.unlock();
        // A connection learns that a file is in WAL mode only by reading it; this one may have
        // opened the file before the store switched it to WAL, and a checkpoint of a file it
        // thinks is not in WAL mode does nothing.
        const std::string look = "SELECT 1 FROM \"" + schema + "\".sqlite_master LIMIT 1";
        sqlite3_exec(db_, look.c_str(), nullptr, nullptr, nullptr);
        // SQLITE_BUSY means another checkpoint is running: the next report brings this one back.
        sqlite3_wal_checkpoint_v2(db_, schema.c_str(), SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        lock.lock();
        ++checkpoints_;
    }
}

}  // namespace es::store::sqlite
