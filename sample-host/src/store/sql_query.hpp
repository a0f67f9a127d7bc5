// A SELECT with positional parameters, read through Poco's RecordSet. Keeps the repositories free
// of binding boilerplate and of Poco's per-column type guessing for SQLite.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>

namespace host {

using SqlParam = std::variant<std::int64_t, std::string>;

class SqlRows {
  public:
    SqlRows(Poco::Data::Session& session, const std::string& sql,
            const std::vector<SqlParam>& params);

    std::size_t size() const { return rows_.rowCount(); }
    bool empty() const { return size() == 0; }
    std::string text(std::size_t row, std::size_t col) const;
    std::int64_t integer(std::size_t row, std::size_t col) const;

    // Every row, each read by `read(*this, row)`.
    template <class Read>
    auto all(Read read) const {
        std::vector<decltype(read(*this, std::size_t{0}))> out;
        out.reserve(size());
        for (std::size_t r = 0; r < size(); ++r)
            out.push_back(read(*this, r));
        return out;
    }

  private:
    static Poco::Data::Statement run(Poco::Data::Session& session, const std::string& sql,
                                     const std::vector<SqlParam>& params);
    Poco::Data::RecordSet rows_;
};

// Runs a statement that returns no rows; returns the number of affected rows.
std::size_t sql_execute(Poco::Data::Session& session, const std::string& sql,
                        const std::vector<SqlParam>& params);

}  // namespace host
