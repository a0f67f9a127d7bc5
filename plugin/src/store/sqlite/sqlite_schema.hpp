// The SQLite schema as migrations. Times are INTEGER epoch milliseconds (UTC).
#pragma once

#include <vector>

#include "store/sql/migration.hpp"

namespace es::store::sqlite {

const std::vector<sql::Migration>& sqlite_migrations();

}  // namespace es::store::sqlite
