// Applies pending migrations at start and records each in `schema_version`.
//
// Safe to run from several processes at once: SQLite serialises them with its write lock
// (BEGIN IMMEDIATE around everything, DDL included, so a failed migration leaves nothing behind).
// MySQL, whose DDL commits implicitly, serialises them with a row: whoever inserts the one row of
// `schema_lock` runs the migrations and deletes it afterwards; the others wait for it. A row is
// replicated like any write, so this holds across the nodes of a Galera cluster, where GET_LOCK
// and LOCK TABLES act on one node only (two nodes inserting at once are settled by certification:
// one commits, the other sees a conflict and waits). A row left by a holder that died is taken
// over after ten minutes by the database's clock (never an instance's, see take_lock). Every
// MySQL statement is idempotent (IF NOT EXISTS), so a migration interrupted half-way is simply
// completed by the next start.
#pragma once

#include <vector>

#include "store/sql/dialect.hpp"
#include "store/sql/migration.hpp"
#include "store/sql/sql_connection.hpp"

namespace es::store::sql {

enum class DdlMode { Transactional, AutoCommit };

// Returns the schema version afterwards. Throws Error(Internal) naming the failed migration.
int migrate(SqlConnection& c, const std::vector<Migration>& migrations, DdlMode mode,
            const Dialect& dialect);

}  // namespace es::store::sql
