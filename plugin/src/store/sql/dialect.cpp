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

std::string Dialect::upsert_clause(std::string_view key_columns,
                                   const std::vector<std::string>& columns) const {
    std::string out = upsert == Upsert::OnDuplicateKey
                          ? " ON DUPLICATE KEY UPDATE "
                          : " ON CONFLICT (" + std::string(key_columns) + ") DO UPDATE SET ";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        out += i == 0 ? "" : ", ";
        out += columns[i] + (upsert == Upsert::OnDuplicateKey ? " = VALUES(" + columns[i] + ")"
                                                              : " = excluded." + columns[i]);
    }
    return out;
}

}  // namespace es::store::sql
