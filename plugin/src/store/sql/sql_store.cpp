#include "store/sql/sql_store.hpp"

namespace es::store::sql {

SqlStore::SqlStore(ConnectionPool::Factory factory, int pool_size, Dialect dialect,
                   const std::vector<Migration>& migrations, DdlMode ddl)
    : name_(dialect.name), db_(std::move(factory), pool_size, std::move(dialect)) {
    db_.read([&](SqlConnection& c) { return migrate(c, migrations, ddl, db_.dialect()); });
}

domain::Timestamp SqlStore::database_now() {
    auto rows = db_.read([&](SqlConnection& c) { return c.query(db_.sql("SELECT {now}"), {}); });
    return domain::from_epoch_ms(rows.front().integer(0));
}

int SqlStore::schema_version() {
    auto rows = db_.read([&](SqlConnection& c) {
        return c.query("SELECT COALESCE(MAX(version), 0) FROM schema_version", {});
    });
    return static_cast<int>(rows.front().integer(0));
}

}  // namespace es::store::sql
