#include "store/sqlite/sqlite_store.hpp"

#include "store/sqlite/sqlite_connection.hpp"
#include "store/sqlite/sqlite_schema.hpp"

namespace es::store::sqlite {

sql::Dialect sqlite_dialect() {
    // julianday('now') has millisecond resolution and is fixed for the duration of one statement.
    return sql::Dialect{"sqlite",
                        "CAST(ROUND((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER)",
                        "INSERT OR IGNORE", "", sql::Dialect::Upsert::OnConflict};
}

void move_access_log_out_of_main(sql::Database& db) {
    const bool in_main = db.read([](sql::SqlConnection& c) {
        return !c.query(
                     "SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = "
                     "'access_events'",
                     {})
                    .empty();
    });
    if (!in_main) {
        return;
    }
    // Three steps, because SQLite in WAL mode commits changes to two files one after the other,
    // not atomically: copy (ids kept, so a repeat after a crash adds nothing), make the copy
    // durable, and only then drop the old table.
    const std::string columns =
        "id, share_id, organisation_id, case_id, at, client_ip, user_agent, action, item_id, "
        "outcome";
    db.transaction([&](sql::SqlConnection& c) {
        c.execute("INSERT OR IGNORE INTO access_log.access_events (" + columns + ") SELECT " +
                      columns + " FROM main.access_events",
                  {});
    });
    db.read([](sql::SqlConnection& c) {
        return c.query("PRAGMA access_log.wal_checkpoint(FULL)", {});
    });
    db.transaction([](sql::SqlConnection& c) { c.execute("DROP TABLE main.access_events", {}); });
}

std::unique_ptr<sql::SqlStore> open_sqlite_store(const config::StorageSettings& settings) {
    const std::string path = settings.sqlite_path;
    const int busy = settings.sqlite_busy_timeout_ms;
    auto writers = std::make_shared<std::timed_mutex>();
    auto checkpointer = std::make_shared<WalCheckpointer>(path);
    auto store = std::make_unique<sql::SqlStore>(
        [path, busy, writers, checkpointer] {
            return std::make_unique<SqliteConnection>(path, busy, writers, checkpointer);
        },
        kSqlitePoolSize, sqlite_dialect(), sqlite_migrations(), sql::DdlMode::Transactional);
    move_access_log_out_of_main(store->database());
    return store;
}

}  // namespace es::store::sqlite
