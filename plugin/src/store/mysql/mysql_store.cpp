#include "store/mysql/mysql_store.hpp"

#include "store/mysql/mysql_connection.hpp"
#include "store/mysql/mysql_schema.hpp"

namespace es::store::mysql {

store::sql::Dialect mysql_dialect() {
    // NOW(3) is fixed for the whole statement; the session time zone is UTC (see MysqlConnection).
    return store::sql::Dialect{"mysql", "CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)",
                               "INSERT IGNORE", " FOR UPDATE",
                               store::sql::Dialect::Upsert::OnDuplicateKey};
}

std::unique_ptr<store::sql::SqlStore> open_mysql_store(const config::StorageSettings& settings) {
    const config::MysqlSettings m = settings.mysql;
    const std::string password = mysql_password(m);
    auto choice =
        std::make_shared<ServerChoice>(servers_of(m), std::chrono::seconds(m.failback_seconds));
    return std::make_unique<store::sql::SqlStore>(
        [m, password, choice] { return std::make_unique<MysqlConnection>(m, password, *choice); },
        m.pool_size, mysql_dialect(), mysql_migrations(), store::sql::DdlMode::AutoCommit);
}

}  // namespace es::store::mysql
