// One result row. Values arrive as text (both drivers can give every column as text) and are
// converted on access, so no adapter has to guess column types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace es::store::sql {

class SqlRow {
  public:
    explicit SqlRow(std::vector<std::optional<std::string>> values) : values_(std::move(values)) {}

    bool is_null(std::size_t i) const { return !values_.at(i).has_value(); }
    // "" for NULL.
    std::string text(std::size_t i) const { return values_.at(i).value_or(std::string()); }
    const std::optional<std::string>& optional_text(std::size_t i) const { return values_.at(i); }
    // 0 for NULL. Throws Error(Internal) for a non-integer.
    std::int64_t integer(std::size_t i) const;
    std::optional<std::int64_t> optional_integer(std::size_t i) const;
    std::size_t size() const { return values_.size(); }

    // For an adapter that streams a result through one reused row.
    std::optional<std::string>& value(std::size_t i) { return values_[i]; }

  private:
    std::vector<std::optional<std::string>> values_;
};

}  // namespace es::store::sql
