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

std::unique_ptr<sql::SqlStore> open_sqlite_store(const config::StorageSettings& settings) {
    const std::string path = settings.sqlite_path;
    const int busy = settings.sqlite_busy_timeout_ms;
    auto writers = std::make_shared<std::timed_mutex>();
    return std::make_unique<sql::SqlStore>(
        [path, busy, writers] { return std::make_unique<SqliteConnection>(path, busy, writers); },
        kSqlitePoolSize, sqlite_dialect(), sqlite_migrations(), sql::DdlMode::Transactional);
}

}  // namespace es::store::sqlite
