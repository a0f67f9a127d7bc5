// Opens the MySQL/MariaDB store (production backend).
#pragma once

#include <memory>

#include "config/settings.hpp"
#include "store/sql/sql_store.hpp"

namespace es::store::mysql {

std::unique_ptr<store::sql::SqlStore> open_mysql_store(const config::StorageSettings& settings);

store::sql::Dialect mysql_dialect();

}  // namespace es::store::mysql
