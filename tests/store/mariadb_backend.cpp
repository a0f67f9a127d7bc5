#include <cstdlib>

#include "mariadb_batch.hpp"
#include "mariadb_server.hpp"
#include "mariadb_storage.hpp"
#include "store_backend.hpp"

namespace es::test {

namespace {

class MariadbBackend : public StoreBackend {
  public:
    MariadbBackend() : server_(MariadbServer::shared()), database_(server_.create_database()) {
        ::setenv("ES_TEST_MARIADB_PASSWORD", MariadbServer::password().c_str(), 1);
    }
    ~MariadbBackend() override {
        try {
            server_.drop_database(database_);
        } catch (...) {
        }
    }

    const char* name() const override { return "mariadb"; }

    config::StorageSettings settings() const override {
        config::StorageSettings s = mariadb_storage(server_, database_);
        s.mysql.pool_size = 8;
        return s;
    }

    void fail_inserts_into(const std::string& table) override {
        exec("CREATE TRIGGER fail_" + table + " BEFORE INSERT ON " + table +
             " FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'");
    }

    void exec(const std::string& statement) override { server_.sql(database_, statement); }

    std::int64_t count(const std::string& table) override {
        return std::stoll(server_.sql(database_, "SELECT COUNT(*) FROM " + table));
    }

    std::vector<std::vector<std::string>> rows(const std::string& query) override {
        return batch_rows(server_.sql(database_, query));
    }

    std::string dump() override {
        std::string out;
        for (const char* table : {"shares", "share_sections", "share_items", "outbox", "audit",
                                  "access_events", "one_time_codes", "portal_sessions", "throttle",
                                  "organisation_settings", "policy_overrides"}) {
            out += server_.sql(database_, std::string("SELECT * FROM ") + table);
        }
        return out;
    }

  private:
    MariadbServer& server_;
    std::string database_;
};

}  // namespace

std::unique_ptr<StoreBackend> make_mariadb_backend() {
    return std::make_unique<MariadbBackend>();
}

}  // namespace es::test
