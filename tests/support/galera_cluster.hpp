// The three-node Galera cluster of a test run, driven through galera-cluster.sh (next to this
// file). The ctest fixture starts it and names its directory in ES_TEST_GALERA_DIR; a test binary
// run by hand starts one of its own in a temporary directory and wipes it at exit. A cluster that
// cannot start throws, which fails the test: tests never skip for want of one.
#pragma once

#include <string>
#include <vector>

#include "config/settings.hpp"

namespace es::test {

class GaleraCluster {
  public:
    static GaleraCluster& shared();
    ~GaleraCluster();
    GaleraCluster(const GaleraCluster&) = delete;
    GaleraCluster& operator=(const GaleraCluster&) = delete;

    // SQL ports of nodes 1..3, in order.
    const std::vector<int>& ports() const { return ports_; }
    static constexpr int kNodes = 3;

    // A new empty database (created on node 1; Galera replicates it) with a unique name.
    std::string create_database();
    // Storage settings of an instance that talks to `node` (1..3) only.
    config::StorageSettings settings(int node, const std::string& database) const;

    // Runs SQL as root on `node` with the mariadb client; the tab-separated output. Throws when
    // the client fails.
    std::string sql(int node, const std::string& database, const std::string& statements) const;

  private:
    GaleraCluster(std::string dir, bool owned);
    std::string dir_;
    bool owned_;
    std::vector<int> ports_;
};

// The path of galera-cluster.sh (compiled in by CMake).
std::string galera_script();

}  // namespace es::test
