#include "mariadb_server.hpp"

#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>

#include "shell_command.hpp"

#ifndef ES_MARIADB_SCRIPT
#error "ES_MARIADB_SCRIPT must name tests/support/mariadb-server.sh"
#endif

namespace es::test {

std::string mariadb_script() {
    return ES_MARIADB_SCRIPT;
}

MariadbServer::MariadbServer(std::string dir, bool owned) : dir_(std::move(dir)), owned_(owned) {
    start();
}

MariadbServer::~MariadbServer() {
    if (owned_) {
        try {
            run_shell(shell_quote(mariadb_script()) + " wipe " + shell_quote(dir_));
        } catch (...) {
        }
    }
}

MariadbServer& MariadbServer::shared() {
    if (const char* dir = std::getenv("ES_TEST_MARIADB_DIR"); dir != nullptr && *dir != '\0') {
        static MariadbServer server(dir, false);
        return server;
    }
    static MariadbServer server(
        (std::filesystem::temp_directory_path() / ("es-mariadb-" + std::to_string(::getpid())))
            .string(),
        true);
    return server;
}

void MariadbServer::start() {
    run_shell(shell_quote(mariadb_script()) + " start " + shell_quote(dir_));
    std::ifstream in(dir_ + "/port");
    if (!(in >> port_)) {
        throw std::runtime_error("mariadb-server.sh wrote no port into " + dir_ + "/port");
    }
}

void MariadbServer::stop() {
    run_shell(shell_quote(mariadb_script()) + " stop " + shell_quote(dir_));
}

void MariadbServer::kill() {
    run_shell(shell_quote(mariadb_script()) + " kill " + shell_quote(dir_));
}

std::string MariadbServer::create_database() {
    static std::atomic<int> counter{0};
    const std::string name =
        "es_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    sql("", "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    return name;
}

void MariadbServer::drop_database(const std::string& name) {
    sql("", "DROP DATABASE IF EXISTS " + name);
}

std::string MariadbServer::sql(const std::string& database, const std::string& statements) const {
    std::string command =
        "mariadb --no-defaults --batch --skip-column-names --socket=" + shell_quote(socket()) +
        " -uroot";
    if (!database.empty()) {
        command += " -D " + shell_quote(database);
    }
    return run_shell(command + " -e " + shell_quote(statements));
}

}  // namespace es::test
