// The plugin's storage settings for a database of a test MariaDB server (mariadb_server.hpp): over
// TCP on the loopback, as the server's plugin user, the password in an environment variable that
// is set here. The caller adds what its test is about (pool size, timeouts).
#pragma once

#include <cstdlib>
#include <string>

#include "config/settings.hpp"
#include "mariadb_server.hpp"

namespace es::test {

inline config::StorageSettings mariadb_storage(
    const MariadbServer& server, const std::string& database,
    const char* password_env = "ES_TEST_MARIADB_PASSWORD") {
    ::setenv(password_env, MariadbServer::password().c_str(), 1);
    config::StorageSettings s;
    s.backend = config::StorageSettings::Backend::Mysql;
    s.mysql.host = "127.0.0.1";
    s.mysql.port = server.port();
    s.mysql.database = database;
    s.mysql.user = MariadbServer::user();
    s.mysql.password_env = password_env;
    return s;
}

}  // namespace es::test
