// A StoreBackend (tests/store/store_backend.hpp) on a fresh database of the run's Galera cluster,
// talking to node 1, so the contract tests' ShareWorld can run there; another node's store is
// opened on the same database with GaleraCluster::settings(n, database()).
#pragma once

#include <memory>
#include <string>

#include "galera_cluster.hpp"
#include "mariadb_batch.hpp"
#include "store_backend.hpp"

namespace es::test {

class GaleraBackend : public StoreBackend {
  public:
    GaleraBackend() : cluster_(GaleraCluster::shared()), database_(cluster_.create_database()) {}
    ~GaleraBackend() override {
        try {
            cluster_.sql(1, "", "DROP DATABASE IF EXISTS " + database_);
        } catch (...) {
        }
    }

    const std::string& database() const { return database_; }
    const char* name() const override { return "galera"; }
    config::StorageSettings settings() const override { return cluster_.settings(1, database_); }
    void fail_inserts_into(const std::string& table) override {
        exec("CREATE TRIGGER fail_" + table + " BEFORE INSERT ON " + table +
             " FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'");
    }
    void exec(const std::string& statement) override { cluster_.sql(1, database_, statement); }
    std::int64_t count(const std::string& table) override {
        return std::stoll(cluster_.sql(1, database_, "SELECT COUNT(*) FROM " + table));
    }
    std::vector<std::vector<std::string>> rows(const std::string& query) override {
        return batch_rows(cluster_.sql(1, database_, query));
    }
    std::string dump() override { return cluster_.sql(1, database_, "SELECT * FROM shares"); }

  private:
    GaleraCluster& cluster_;
    std::string database_;
};

struct GaleraNode1 {
    static std::unique_ptr<StoreBackend> make() { return std::make_unique<GaleraBackend>(); }
};

}  // namespace es::test
