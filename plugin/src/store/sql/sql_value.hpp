// A bound parameter: NULL, an integer or a text. Every table uses only these three, so both
// adapters agree on every value without per-type code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace es::store::sql {

using SqlValue = std::variant<std::monostate, std::int64_t, std::string>;

inline SqlValue nullable(const std::optional<std::string>& v) {
    return v ? SqlValue(*v) : SqlValue(std::monostate{});
}
inline SqlValue nullable(const std::optional<std::int64_t>& v) {
    return v ? SqlValue(*v) : SqlValue(std::monostate{});
}

}  // namespace es::store::sql
