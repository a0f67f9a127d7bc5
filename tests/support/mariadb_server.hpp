// A real MariaDB server for tests, driven through mariadb-server.sh (next to this file).
//
// MariadbServer::shared() is the server of the whole test run: the one the ctest fixture started
// (ES_TEST_MARIADB_DIR names its directory) or, when a test binary runs by hand, one it starts
// itself in a temporary directory and stops at exit. A server that cannot start throws, which
// fails the test: tests never skip for want of a database.
#pragma once

#include <string>

namespace es::test {

class MariadbServer {
  public:
    // Starts (or attaches to a running) server in `dir`.
    explicit MariadbServer(std::string dir, bool owned);
    ~MariadbServer();
    MariadbServer(const MariadbServer&) = delete;
    MariadbServer& operator=(const MariadbServer&) = delete;

    static MariadbServer& shared();

    int port() const { return port_; }
    const std::string& dir() const { return dir_; }
    std::string socket() const { return dir_ + "/sock"; }
    static std::string user() { return "es"; }
    static std::string password() { return "es-test"; }

    // A new empty database with a unique name; the caller drops it.
    std::string create_database();
    void drop_database(const std::string& name);

    // Runs SQL as root with the mariadb client (for fixtures: triggers, inspection). Returns the
    // tab-separated output. Throws when the client fails.
    std::string sql(const std::string& database, const std::string& statements) const;

    void kill();   // SIGKILL, as a crash
    void start();  // again, same port, same data
    void stop();

  private:
    std::string dir_;
    bool owned_;
    int port_ = 0;
};

// The path of mariadb-server.sh (compiled in by CMake).
std::string mariadb_script();

}  // namespace es::test
