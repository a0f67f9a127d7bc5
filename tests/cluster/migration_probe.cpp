// One instance's start, as a process of its own so that a test can run it under another clock
// (faketime): opens the store on a Galera node, which applies what migrations are pending, and
// prints the schema version and how far its clock is from the database's.
//
//   migration_probe PORT DATABASE   (the password in ES_TEST_GALERA_PASSWORD)
#include <cstdlib>
#include <iostream>
#include <string>

#include "domain/timestamp.hpp"
#include "store/store.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: migration_probe PORT DATABASE\n";
        return 2;
    }
    es::config::StorageSettings s;
    s.backend = es::config::StorageSettings::Backend::Mysql;
    s.mysql.host = "127.0.0.1";
    s.mysql.port = std::atoi(argv[1]);
    s.mysql.database = argv[2];
    s.mysql.user = "es";
    s.mysql.password_env = "ES_TEST_GALERA_PASSWORD";
    s.mysql.pool_size = 1;
    try {
        auto store = es::store::open_store(s);
        const auto ahead = es::domain::to_epoch_ms(es::domain::now_utc()) -
                           es::domain::to_epoch_ms(store->database_now());
        std::cout << "schema " << store->schema_version() << "\nclock ahead ms " << ahead << "\n";
        return 0;
    } catch (const std::exception& e) {
        std::cout << "failed: " << e.what() << "\n";
        return 1;
    }
}
