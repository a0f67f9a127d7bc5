// Opens the embedded SQLite store (the default backend).
#pragma once

#include <memory>

#include "config/settings.hpp"
#include "store/sql/sql_store.hpp"

namespace es::store::sqlite {

// Pool size: SQLite has one writer at a time anyway; more connections only help concurrent
// readers (WAL), and the portal is mostly reads.
inline constexpr int kSqlitePoolSize = 16;

std::unique_ptr<sql::SqlStore> open_sqlite_store(const config::StorageSettings& settings);

sql::Dialect sqlite_dialect();

}  // namespace es::store::sqlite
