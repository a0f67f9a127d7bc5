// The SQLite schema as migrations. Times are INTEGER epoch milliseconds (UTC).
#pragma once

#include <string>
#include <vector>

#include "store/sql/migration.hpp"

namespace es::store::sqlite {

const std::vector<sql::Migration>& sqlite_migrations();

// The access log has a file of its own beside the database (<database>-access-log), attached to
// every connection as schema "access_log". The portal commits a group of access events for almost
// every batch of page requests, and in WAL mode each commit makes every other connection's next
// read transaction drop its page cache and unmap the database file. With the events in another
// file, the main file's WAL stays unchanged and the token, session and selection lookups keep
// their cache (page rate 11,700 -> 14,500 req/s, server CPU per page ~150 -> ~117 us in
// docs/performance.md, run 8).
// Unqualified "access_events" in the shared statements resolves to it, because the main file has
// no such table (see move_access_log_out_of_main).
std::string access_log_path(const std::string& database_path);

// Creates the access log's table and indexes where missing; run by every new connection, so a
// lost log file comes back empty instead of failing every view. Idempotent.
const std::vector<std::string>& sqlite_access_log_schema();

}  // namespace es::store::sqlite
