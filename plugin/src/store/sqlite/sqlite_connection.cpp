#include "store/sqlite/sqlite_connection.hpp"
#include "store/sqlite/sqlite_schema.hpp"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <sqlite3.h>

#include <charconv>
#include <iterator>
#include <mutex>

#include "domain/error.hpp"
#include "store/sql/statement_head.hpp"

namespace es::store::sqlite {

namespace {

using Kind = domain::Error::Kind;

using sql::statement_head;

class StatementReset {
  public:
    explicit StatementReset(sqlite3_stmt* s) : s_(s) {}
    ~StatementReset() {
        sqlite3_reset(s_);
        sqlite3_clear_bindings(s_);
    }
    StatementReset(const StatementReset&) = delete;
    StatementReset& operator=(const StatementReset&) = delete;

  private:
    sqlite3_stmt* s_;
};

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, int busy_timeout_ms, WriterGate writers,
                                   std::shared_ptr<WalCheckpointer> checkpointer)
    : writers_(std::move(writers)),
      gate_wait_(busy_timeout_ms),
      checkpointer_(std::move(checkpointer)) {
    static std::once_flag registered;
    std::call_once(registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });
    try {
        session_ = std::make_unique<Poco::Data::Session>("SQLite", path);
        db_ = Poco::Data::SQLite::Utility::dbHandle(*session_);
    } catch (const Poco::Exception& e) {
        throw domain::Error(Kind::Unavailable,
                            "cannot open the SQLite database " + path + ": " + e.displayText());
    }
    sqlite3_busy_timeout(db_, busy_timeout_ms);
    sqlite3_extended_result_codes(db_, 1);
    run_plain("PRAGMA foreign_keys = ON");
    run_plain("PRAGMA journal_mode = WAL");
    run_plain("PRAGMA synchronous = NORMAL");
    // Reads through a shared memory map instead of one pread() per page; the token lookup and the
    // case-list column touch scattered index pages on every request.
    run_plain("PRAGMA mmap_size = 268435456");
    run_plain("PRAGMA cache_size = -16384");
    execute("ATTACH DATABASE ? AS access_log", {access_log_path(path)});
    run_plain("PRAGMA access_log.journal_mode = WAL");
    run_plain("PRAGMA access_log.synchronous = NORMAL");
    for (const auto& statement : sqlite_access_log_schema()) {
        run_plain(statement);
    }
    if (checkpointer_) {
        checkpointer_->watch(db_);
    }
}

SqliteConnection::~SqliteConnection() {
    for (auto& [sql, stmt] : statements_) {
        sqlite3_finalize(stmt);
    }
    statements_.clear();
    try {
        session_.reset();
    } catch (...) {
        // Closing cannot fail in a way anyone could act on.
    }
}

void SqliteConnection::run_plain(const std::string& sql) {
    // Pragmas may return a row (journal_mode does); step until done.
    sqlite3_stmt* stmt = prepare(sql);
    StatementReset reset(stmt);
    int rc = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) {
        fail(rc, sql);
    }
}

sqlite3_stmt* SqliteConnection::prepare(const std::string& sql) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) {
        return it->second;
    }
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size() + 1),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        fail(rc, sql);
    }
    statements_.emplace(sql, stmt);
    return stmt;
}

void SqliteConnection::bind(sqlite3_stmt* stmt, const std::vector<sql::SqlValue>& params,
                            const std::string& sql) {
    for (std::size_t i = 0; i < params.size(); ++i) {
        const int pos = static_cast<int>(i + 1);
        int rc = SQLITE_OK;
        if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
            rc = sqlite3_bind_int64(stmt, pos, *n);
        } else if (const auto* s = std::get_if<std::string>(&params[i])) {
            // Not copied: every caller keeps `params` alive until the statement is reset and its
            // bindings cleared (StatementReset). A copy is an allocation, and SQLite's allocator
            // takes one process-wide mutex that the portal's workers queued on.
            rc =
                sqlite3_bind_text(stmt, pos, s->data(), static_cast<int>(s->size()), SQLITE_STATIC);
        } else {
            rc = sqlite3_bind_null(stmt, pos);
        }
        if (rc != SQLITE_OK) {
            fail(rc, sql);
        }
    }
}

std::int64_t SqliteConnection::execute(const std::string& sql,
                                       const std::vector<sql::SqlValue>& params) {
    sqlite3_stmt* stmt = prepare(sql);
    StatementReset reset(stmt);
    bind(stmt, params, sql);
    int rc = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) {
        fail(rc, sql);
    }
    return sqlite3_changes64(db_);
}

std::vector<sql::SqlRow> SqliteConnection::query(const std::string& sql,
                                                 const std::vector<sql::SqlValue>& params) {
    sqlite3_stmt* stmt = prepare(sql);
    StatementReset reset(stmt);
    bind(stmt, params, sql);
    std::vector<sql::SqlRow> rows;
    const int columns = sqlite3_column_count(stmt);
    int rc = 0;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        std::vector<std::optional<std::string>> values;
        values.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            const int type = sqlite3_column_type(stmt, c);
            if (type == SQLITE_NULL) {
                values.emplace_back(std::nullopt);
            } else if (type == SQLITE_INTEGER) {
                // Formatted here: sqlite3_column_text would convert it in a buffer of SQLite's own
                // allocator (see bind()).
                char digits[24];
                const auto end = std::to_chars(std::begin(digits), std::end(digits),
                                               sqlite3_column_int64(stmt, c))
                                     .ptr;
                values.emplace_back(std::string(digits, end));
            } else {
                // Text read as bytes: sqlite3_column_text would first copy a text that lies on
                // the page into a buffer of SQLite's allocator to end it with a NUL, once per
                // column and row; the bytes are the same UTF-8 and need no terminator here. (A
                // REAL comes back as its text, as sqlite3_column_text gave it.)
                const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt, c));
                const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt, c));
                values.emplace_back(size == 0 ? std::string() : std::string(bytes, size));
            }
        }
        rows.emplace_back(std::move(values));
    }
    if (rc != SQLITE_DONE) {
        fail(rc, sql);
    }
    return rows;
}

std::int64_t SqliteConnection::last_insert_id() {
    return sqlite3_last_insert_rowid(db_);
}

void SqliteConnection::begin() {
    if (!writers_->try_lock_for(gate_wait_)) {
        throw domain::Error(
            Kind::Unavailable,
            "SQLite: another writer held the database longer than the busy timeout");
    }
    in_gate_ = true;
    try {
        run_plain("BEGIN IMMEDIATE");
    } catch (...) {
        leave_gate();
        throw;
    }
}

void SqliteConnection::commit() {
    try {
        run_plain("COMMIT");
    } catch (...) {
        rollback();
        throw;
    }
    leave_gate();
}

void SqliteConnection::rollback() noexcept {
    if (sqlite3_get_autocommit(db_) == 0) {  // else SQLite already rolled back (SQLITE_FULL…)
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, "ROLLBACK", -1, &stmt, nullptr) == SQLITE_OK) {
            sqlite3_step(stmt);
        }
        sqlite3_finalize(stmt);
    }
    leave_gate();
}

void SqliteConnection::begin_snapshot() {
    run_plain("BEGIN");
}

void SqliteConnection::end_snapshot() noexcept {
    if (sqlite3_get_autocommit(db_) == 0) {
        // A read transaction has nothing to lose: COMMIT and ROLLBACK both just release it.
        try {
            run_plain("COMMIT");
        } catch (...) {
            broken_ = true;  // a connection that cannot end a read is not worth keeping
        }
    }
}

void SqliteConnection::leave_gate() noexcept {
    if (in_gate_) {
        in_gate_ = false;
        writers_->unlock();
    }
}

void SqliteConnection::fail(int rc, const std::string& sql) {
    const std::string message =
        std::string("SQLite: ") + sqlite3_errmsg(db_) + " (in \"" + statement_head(sql) + "\")";
    switch (rc & 0xFF) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw domain::Error(Kind::Unavailable, message);
        case SQLITE_CONSTRAINT:
            if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
                throw domain::Error(Kind::Conflict, message);
            }
            throw domain::Error(Kind::Internal, message);
        case SQLITE_IOERR:
        case SQLITE_CANTOPEN:
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
        case SQLITE_FULL:
        case SQLITE_READONLY:
            broken_ = true;
            throw domain::Error(Kind::Unavailable, message);
        default:
            throw domain::Error(Kind::Internal, message);
    }
}

}  // namespace es::store::sqlite
