// The licensing table, in portable SQL (the same text runs on SQLite and MySQL/MariaDB). Times are
// UTC epoch milliseconds (BIGINT), as in every table of the store.
//
// The audit entries go to the store's `audit` table (case_id and share_id empty) and the per case
// type switch to its `policy_overrides` table (policy_key "enabled"), where domain::Policy::resolve
// already looks, so licensing adds only `licence_state`. SqlLicenceStore creates it idempotently at
// construction; these statements are also meant as a step of the store's migration lists.
#pragma once

#include <string>
#include <vector>

namespace es::licence {

// CREATE TABLE IF NOT EXISTS statements, in order: idempotent, as the MySQL migrator requires
// (its DDL commits implicitly, so an interrupted step is simply run again).
const std::vector<std::string>& licence_schema_statements();

}  // namespace es::licence
