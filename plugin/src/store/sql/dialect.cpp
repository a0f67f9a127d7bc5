#include "store/sql/dialect.hpp"

namespace es::store::sql {

namespace {

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
        s.replace(pos, from.size(), to);
    }
}

}  // namespace

std::string Dialect::apply(std::string statement) const {
    replace_all(statement, "{now}", now_ms);
    replace_all(statement, "{insert_ignore}", insert_ignore);
    replace_all(statement, "{for_update}", for_update);
    return statement;
}

}  // namespace es::store::sql
