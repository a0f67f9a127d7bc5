// One step of the schema. Versions only grow; a released migration is never edited, a change is a
// new migration.
#pragma once

#include <string>
#include <vector>

namespace es::store::sql {

struct Migration {
    int version;
    std::string description;
    std::vector<std::string> statements;
    // For statements that cannot be repeated (ALTER TABLE … ADD COLUMN): a query whose first
    // column is non-zero when they already ran. MySQL commits DDL implicitly, so a crash can fall
    // between the statements and the version row; the next start then records the version
    // instead of failing on "duplicate column". Empty: the statements are idempotent themselves.
    std::string done_if = {};
};

}  // namespace es::store::sql
