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
};

}  // namespace es::store::sql
