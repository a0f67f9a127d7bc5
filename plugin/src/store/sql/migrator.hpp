// Applies pending migrations at start and records each in `schema_version`.
//
// Safe to run from several processes at once: SQLite serialises them with its write lock
// (BEGIN IMMEDIATE around everything, DDL included, so a failed migration leaves nothing behind);
// MySQL, whose DDL commits implicitly, serialises them with GET_LOCK and relies on every statement
// being idempotent (IF NOT EXISTS), so a migration interrupted half-way is simply completed by the
// next start.
#pragma once

#include <vector>

#include "store/sql/migration.hpp"
#include "store/sql/sql_connection.hpp"

namespace es::store::sql {

enum class DdlMode { Transactional, AutoCommit };

// Returns the schema version afterwards. Throws Error(Internal) naming the failed migration.
int migrate(SqlConnection& c, const std::vector<Migration>& migrations, DdlMode mode);

}  // namespace es::store::sql
