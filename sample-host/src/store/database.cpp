#include "store/database.hpp"

#include <filesystem>

#include <Poco/Data/SQLite/Connector.h>

#include "store/connection_pool.hpp"
#include "store/migrations.hpp"

namespace host {

using namespace Poco::Data::Keywords;

Database::Database(const std::string& path) {
    Poco::Data::SQLite::Connector::registerConnector();
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) {
        std::filesystem::create_directories(parent);
    }
    pool_ = std::make_unique<ConnectionPool>(path);
    auto s = session();
    s << "PRAGMA journal_mode=WAL", now;
    Migrations::apply(s);
}

Poco::Data::Session Database::session() {
    return pool_->get();
}

int Database::schema_version() {
    auto s = session();
    return Migrations::current_version(s);
}

}  // namespace host
