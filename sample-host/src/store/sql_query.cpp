#include "store/sql_query.hpp"

#include <Poco/Data/Statement.h>

namespace host {

using namespace Poco::Data::Keywords;

namespace {

void bind_all(Poco::Data::Statement& stmt, const std::vector<SqlParam>& params) {
    for (const auto& p : params) {
        if (std::holds_alternative<std::int64_t>(p)) {
            stmt, bind(static_cast<Poco::Int64>(std::get<std::int64_t>(p)));
        } else {
            stmt, bind(std::get<std::string>(p));
        }
    }
}

}  // namespace

Poco::Data::Statement SqlRows::run(Poco::Data::Session& session, const std::string& sql,
                                   const std::vector<SqlParam>& params) {
    Poco::Data::Statement stmt(session);
    stmt << sql;
    bind_all(stmt, params);
    stmt.execute();
    return stmt;
}

SqlRows::SqlRows(Poco::Data::Session& session, const std::string& sql,
                 const std::vector<SqlParam>& params)
    : rows_(run(session, sql, params)) {}

std::string SqlRows::text(std::size_t row, std::size_t col) const {
    const auto& v = rows_.value(col, row);
    return v.isEmpty() ? std::string() : v.convert<std::string>();
}

std::int64_t SqlRows::integer(std::size_t row, std::size_t col) const {
    const auto& v = rows_.value(col, row);
    return v.isEmpty() ? 0 : v.convert<Poco::Int64>();
}

std::size_t sql_execute(Poco::Data::Session& session, const std::string& sql,
                        const std::vector<SqlParam>& params) {
    Poco::Data::Statement stmt(session);
    stmt << sql;
    bind_all(stmt, params);
    return stmt.execute();
}

}  // namespace host
