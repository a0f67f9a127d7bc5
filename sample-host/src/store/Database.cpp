#include "store/Database.hpp"

#include <filesystem>

#include <Poco/Data/SQLite/Connector.h>

#include "store/Migrations.hpp"

namespace host {

using namespace Poco::Data::Keywords;

Database::Database(const std::string& path) {
    Poco::Data::SQLite::Connector::registerConnector();
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) {
        std::filesystem::create_directories(parent);
    }
    pool_ = std::make_unique<Poco::Data::SessionPool>("SQLite", path, 1, 32, 300);
    auto s = session();
    s << "PRAGMA journal_mode=WAL", now;
    Migrations::apply(s);
}

Poco::Data::Session Database::session() {
    Poco::Data::Session s = pool_->get();
    // Per connection; cheap, and a pooled connection may be fresh.
    s << "PRAGMA busy_timeout=10000", now;
    s << "PRAGMA foreign_keys=ON", now;
    return s;
}

int Database::schema_version() {
    auto s = session();
    return Migrations::current_version(s);
}

}  // namespace host
