// The few places where the two SQL dialects differ, as text substituted into the repository
// statements. Only constants are substituted, never input.
#pragma once

#include <string>

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

    // `statement` with every placeholder above replaced.
    std::string apply(std::string statement) const;
};

}  // namespace es::store::sql
