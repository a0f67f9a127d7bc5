// A connection to the SQLite file, opened as a Poco::Data session (the Poco SQLite connector), with
// statements run on its sqlite3 handle: prepared once, cached, reset after each use. Poco's
// Statement/RecordSet layer is bypassed on purpose: it guesses column types from declarations and
// copies every value through Dynamic::Var, while the handle gives exact matched-row counts, NULLs
// and statement reuse (the portal's token lookup is on every request).
//
// Every connection runs with WAL (readers never block the writer), foreign keys ON, a busy timeout
// synchronous=NORMAL (safe with WAL: a power cut loses at most the last transactions, never
// consistency), a 256 MiB memory map and a 16 MiB page cache.
//
// Writers of one store take an in-process gate (a timed mutex shared by the store's connections)
// before BEGIN IMMEDIATE. Without it, concurrent writers meet on SQLite's busy handler, which
// polls with sleeps of up to 100 ms: under the portal's load (an access-log row per request) a
// writer slept far longer than the lock was held. The gate hands the lock over at once; the busy
// timeout still covers other processes on the same file, and bounds the wait for the gate.
//
// Checkpoints are left to the store's WalCheckpointer (wal_checkpointer.hpp) when it has one.
#pragma once

#include <Poco/Data/Session.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "store/sql/sql_connection.hpp"
#include "store/sqlite/wal_checkpointer.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace es::store::sqlite {

class SqliteConnection : public sql::SqlConnection {
  public:
    // The writer gate shared by every connection of one store.
    using WriterGate = std::shared_ptr<std::timed_mutex>;

    // Throws Error(Unavailable) when the file cannot be opened.
    SqliteConnection(const std::string& path, int busy_timeout_ms, WriterGate writers,
                     std::shared_ptr<WalCheckpointer> checkpointer = nullptr);
    ~SqliteConnection() override;

    std::int64_t execute(const std::string& sql, const std::vector<sql::SqlValue>& params) override;
    std::vector<sql::SqlRow> query(const std::string& sql,
                                   const std::vector<sql::SqlValue>& params) override;
    std::int64_t last_insert_id() override;
    void begin() override;
    void commit() override;
    void rollback() noexcept override;
    // BEGIN (deferred): the first statement takes a read mark in the WAL and keeps it until
    // end_snapshot(). Every read start after another connection's commit discards this
    // connection's page cache and remaps the database file, so one start per request instead of
    // one per statement is most of what a snapshot saves.
    void begin_snapshot() override;
    void end_snapshot() noexcept override;
    bool broken() const override { return broken_; }

  private:
    sqlite3_stmt* prepare(const std::string& sql);
    void bind(sqlite3_stmt* stmt, const std::vector<sql::SqlValue>& params, const std::string& sql);
    [[noreturn]] void fail(int rc, const std::string& sql);
    void run_plain(const std::string& sql);
    void leave_gate() noexcept;

    std::unique_ptr<Poco::Data::Session> session_;
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> statements_;
    bool broken_ = false;
    WriterGate writers_;
    std::chrono::milliseconds gate_wait_;
    bool in_gate_ = false;
    // Declared last: destroyed after the handle it watches is closed.
    std::shared_ptr<WalCheckpointer> checkpointer_;
};

}  // namespace es::store::sqlite
