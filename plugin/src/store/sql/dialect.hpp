// The few places where the two SQL dialects differ, as text substituted into the repository
// statements. Only constants are substituted, never input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace es::store::sql {

struct Dialect {
    std::string name;  // "sqlite" / "mysql"
    // The database clock as UTC epoch milliseconds: replaces "{now}".
    std::string now_ms;
    // "INSERT OR IGNORE" / "INSERT IGNORE": replaces "{insert_ignore}".
    std::string insert_ignore;
    // " FOR UPDATE" where row locks exist (MySQL), "" where the transaction already holds the
    // write lock (SQLite): replaces "{for_update}".
    std::string for_update;
    // How "insert, or update the row with the same key" is spelled.
    enum class Upsert { OnConflict, OnDuplicateKey };
    Upsert upsert = Upsert::OnConflict;

    // `statement` with every placeholder above replaced.
    std::string apply(std::string statement) const;

    // The clause that ends an INSERT … SELECT so that a row whose key (`key_columns`, e.g.
    // "a, b") exists already gets `columns` overwritten with the values it would have inserted.
    std::string upsert_clause(std::string_view key_columns,
                              const std::vector<std::string>& columns) const;
};

}  // namespace es::store::sql
