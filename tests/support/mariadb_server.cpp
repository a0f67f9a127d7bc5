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

#ifndef ES_MARIADB_SCRIPT
#error "ES_MARIADB_SCRIPT must name tests/support/mariadb-server.sh"
#endif

namespace es::test {

namespace {

std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

}  // namespace

std::string mariadb_script() {
    return ES_MARIADB_SCRIPT;
}

MariadbServer::MariadbServer(std::string dir, bool owned) : dir_(std::move(dir)), owned_(owned) {
    start();
}

MariadbServer::~MariadbServer() {
    if (owned_) {
        try {
            run(quote(mariadb_script()) + " wipe " + quote(dir_));
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

std::string MariadbServer::run(const std::string& command) const {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen((command + " 2>&1").c_str(), "r"), ::pclose);
    if (!pipe) {
        throw std::runtime_error("cannot run: " + command);
    }
    std::string out;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe.get())) > 0) {
        out.append(buf.data(), n);
    }
    const int status = ::pclose(pipe.release());
    if (status != 0) {
        throw std::runtime_error("command failed (" + std::to_string(status) + "): " + command +
                                 "\n" + out);
    }
    return out;
}

void MariadbServer::start() {
    run(quote(mariadb_script()) + " start " + quote(dir_));
    std::ifstream in(dir_ + "/port");
    if (!(in >> port_)) {
        throw std::runtime_error("mariadb-server.sh wrote no port into " + dir_ + "/port");
    }
}

void MariadbServer::stop() {
    run(quote(mariadb_script()) + " stop " + quote(dir_));
}

void MariadbServer::kill() {
    run(quote(mariadb_script()) + " kill " + quote(dir_));
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
        "mariadb --no-defaults --batch --skip-column-names --socket=" + quote(socket()) + " -uroot";
    if (!database.empty()) {
        command += " -D " + quote(database);
    }
    return run(command + " -e " + quote(statements));
}

}  // namespace es::test
