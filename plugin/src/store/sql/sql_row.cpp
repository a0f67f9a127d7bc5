#include "store/sql/sql_row.hpp"

#include <charconv>

#include "domain/error.hpp"

namespace es::store::sql {

std::int64_t SqlRow::integer(std::size_t i) const {
    const auto& v = values_.at(i);
    if (!v) {
        return 0;
    }
    std::int64_t out = 0;
    const char* end = v->data() + v->size();
    auto [ptr, ec] = std::from_chars(v->data(), end, out);
    if (ec != std::errc() || ptr != end) {
        // SQLite gives computed REALs as "1.0"; accept an integral value written that way.
        try {
            const double d = std::stod(*v);
            return static_cast<std::int64_t>(d);
        } catch (const std::exception&) {
            throw domain::Error(domain::Error::Kind::Internal,
                                "expected an integer from the database, got '" + *v + "'");
        }
    }
    return out;
}

std::optional<std::int64_t> SqlRow::optional_integer(std::size_t i) const {
    if (is_null(i)) {
        return std::nullopt;
    }
    return integer(i);
}

}  // namespace es::store::sql
