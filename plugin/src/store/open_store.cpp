#include "domain/error.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"
#ifdef ES_WITH_MYSQL
#include "store/mysql/mysql_store.hpp"
#endif

namespace es::store {

std::unique_ptr<Store> open_store(const config::StorageSettings& settings) {
    if (settings.backend == config::StorageSettings::Backend::Sqlite) {
        return sqlite::open_sqlite_store(settings);
    }
#ifdef ES_WITH_MYSQL
    return mysql::open_mysql_store(settings);
#else
    throw domain::Error(domain::Error::Kind::Internal,
                        "MySQL support was not built into this plugin (ES_WITH_MYSQL=OFF)");
#endif
}

}  // namespace es::store
