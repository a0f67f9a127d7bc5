#include "galera_cluster.hpp"

#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <stdexcept>

#include "shell_command.hpp"

namespace es::test {

std::string galera_script() {
    return ES_GALERA_SCRIPT;
}

GaleraCluster& GaleraCluster::shared() {
    static GaleraCluster cluster = [] {
        if (const char* dir = std::getenv("ES_TEST_GALERA_DIR")) {
            return GaleraCluster(dir, false);
        }
        char pattern[] = "/tmp/es-galera-test-XXXXXX";
        const char* dir = ::mkdtemp(pattern);
        if (dir == nullptr) {
            throw std::runtime_error("cannot make a directory for the Galera cluster");
        }
        run_shell("sh " + shell_quote(galera_script()) + " start " + shell_quote(dir));
        return GaleraCluster(dir, true);
    }();
    return cluster;
}

GaleraCluster::GaleraCluster(std::string dir, bool owned) : dir_(std::move(dir)), owned_(owned) {
    std::ifstream in(dir_ + "/ports");
    for (int port = 0; in >> port;) {
        ports_.push_back(port);
    }
    if (static_cast<int>(ports_.size()) != kNodes) {
        throw std::runtime_error("no running Galera cluster in " + dir_ +
                                 " (galera-cluster.sh start did not finish)");
    }
}

GaleraCluster::~GaleraCluster() {
    if (owned_) {
        try {
            run_shell("sh " + shell_quote(galera_script()) + " wipe " + shell_quote(dir_));
        } catch (...) {
            // Nothing to do at exit.
        }
    }
}

std::string GaleraCluster::create_database() {
    static std::atomic<int> next{0};
    const std::string name =
        "es_cluster_" + std::to_string(::getpid()) + "_" + std::to_string(next++);
    sql(1, "", "CREATE DATABASE " + name);
    // Node 1 acknowledges before the others have applied it; an instance connecting to another
    // node at once must find it, as an administrator's database would be found.
    for (int node = 2; node <= kNodes; ++node) {
        const std::string found = sql(node, "",
                                      "SET SESSION wsrep_sync_wait = 15; SELECT COUNT(*) FROM "
                                      "information_schema.SCHEMATA WHERE SCHEMA_NAME = '" +
                                          name + "'");
        if (found != "1\n") {
            throw std::runtime_error("database " + name + " did not reach node " +
                                     std::to_string(node));
        }
    }
    return name;
}

config::StorageSettings GaleraCluster::settings(int node, const std::string& database) const {
    ::setenv("ES_TEST_GALERA_PASSWORD", "es-test", 1);
    config::StorageSettings s;
    s.backend = config::StorageSettings::Backend::Mysql;
    s.mysql.host = "127.0.0.1";
    s.mysql.port = ports_.at(static_cast<std::size_t>(node - 1));
    s.mysql.database = database;
    s.mysql.user = "es";
    s.mysql.password_env = "ES_TEST_GALERA_PASSWORD";
    s.mysql.pool_size = 8;
    return s;
}

std::string GaleraCluster::sql(int node, const std::string& database,
                               const std::string& statements) const {
    std::string command = "mariadb --no-defaults -uroot -N -B --socket=" +
                          shell_quote(dir_ + "/node" + std::to_string(node) + ".sock");
    if (!database.empty()) {
        command += " -D " + shell_quote(database);
    }
    return run_shell(command + " -e " + shell_quote(statements));
}

}  // namespace es::test
