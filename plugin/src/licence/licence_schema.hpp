// The licensing tables, as one migration step for the store's migration list. Portable SQL: the
// same text runs on SQLite and MySQL/MariaDB. Times are UTC epoch milliseconds (BIGINT), as in
// every table of the store.
#pragma once

#include <string>
#include <vector>

namespace es::licence {

// CREATE TABLE statements, in order. Idempotent only through the migration's version record.
const std::vector<std::string>& licence_schema_statements();

}  // namespace es::licence
