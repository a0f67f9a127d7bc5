// The two databases the contract suite runs against, behind one small interface: open a store on
// a fresh database, and reach below the repositories for fault injection and inspection.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "config/settings.hpp"
#include "store/store.hpp"

namespace es::test {

class StoreBackend {
  public:
    virtual ~StoreBackend() = default;
    virtual const char* name() const = 0;
    virtual config::StorageSettings settings() const = 0;
    std::unique_ptr<store::Store> open() const { return store::open_store(settings()); }

    // Every INSERT into `table` fails from now on (a trigger), as a real fault mid-transaction.
    virtual void fail_inserts_into(const std::string& table) = 0;
    // Runs one statement directly (no repository involved).
    virtual void exec(const std::string& statement) = 0;
    virtual std::int64_t count(const std::string& table) = 0;
    // The rows of one query, every value as text and NULL as "NULL" (as the mariadb client
    // prints it), for looking at the schema itself.
    virtual std::vector<std::vector<std::string>> rows(const std::string& query) = 0;
    // Everything the database holds, as bytes/text, to search for secrets.
    virtual std::string dump() = 0;
};

// One of each per test: a new SQLite file in a temporary directory / a new database on the shared
// MariaDB server.
std::unique_ptr<StoreBackend> make_sqlite_backend();
std::unique_ptr<StoreBackend> make_mariadb_backend();

}  // namespace es::test
