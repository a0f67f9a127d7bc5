// Opens the embedded SQLite store (the default backend).
#pragma once

#include <memory>

#include "config/settings.hpp"
#include "store/sql/sql_store.hpp"

namespace es::store::sqlite {

// Pool size: SQLite has one writer at a time anyway; more connections only help concurrent
// readers (WAL), and the portal is mostly reads.
inline constexpr int kSqlitePoolSize = 16;

// Opens and migrates; then moves the access events of an installation from before the access
// log had its own file (sqlite_schema.hpp) out of the main file.
std::unique_ptr<sql::SqlStore> open_sqlite_store(const config::StorageSettings& settings);

// The move, on its own for tests: a no-op once the main file has no access_events table.
void move_access_log_out_of_main(sql::Database& db);

sql::Dialect sqlite_dialect();

}  // namespace es::store::sqlite
