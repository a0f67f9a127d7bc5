// The MySQL/MariaDB schema as migrations: InnoDB, utf8mb4 with binary collation (host ids are
// compared exactly, case included), times as BIGINT epoch milliseconds (UTC). Every statement is
// idempotent (IF NOT EXISTS) because MySQL commits DDL implicitly; see sql/migrator.hpp.
#pragma once

#include <vector>

#include "store/sql/migration.hpp"

namespace es::store::mysql {

const std::vector<store::sql::Migration>& mysql_migrations();

}  // namespace es::store::mysql
