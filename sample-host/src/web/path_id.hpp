// A numeric id from the route's path; anything else is simply "not found".
#pragma once

#include <charconv>
#include <cstdint>
#include <string>

#include "web/api_error.hpp"
#include "web/exchange.hpp"

namespace host {

inline std::int64_t path_id(const Exchange& ex, const std::string& name) {
    std::string text = ex.param(name);
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
        throw ApiError::not_found();
    }
    return id;
}

}  // namespace host
