#include "portal/http/served_media_type.hpp"

#include <algorithm>

#include "portal/http/download_headers.hpp"
#include "portal/http/safe_filename.hpp"
#include "text/ascii_lower.hpp"

namespace es::portal::http {
namespace {

constexpr const char* kBytes = "application/octet-stream";

bool share_a_type(const std::set<std::string>& a, const std::set<std::string>& b) {
    return std::any_of(a.begin(), a.end(), [&](const std::string& t) { return b.count(t) != 0; });
}

}  // namespace

std::string served_media_type(std::string_view host_name, std::string_view host_type,
                              const MediaTypeTable& table) {
    const std::string type = text::ascii_lower(safe_media_type(std::string(host_type)));
    if (type == kBytes) {
        return kBytes;
    }
    // Anything safe_filename had to repair was a way to make the name look like something else.
    const std::string name = safe_filename(host_name, "");
    if (name.empty() || name != host_name) {
        return kBytes;
    }
    const auto last_dot = name.rfind('.');
    if (last_dot == std::string::npos) {
        return kBytes;
    }
    const auto& last = table.types_of(name.substr(last_dot + 1));
    if (last.count(type) == 0) {
        return kBytes;
    }
    const auto inner_dot = last_dot == 0 ? std::string::npos : name.rfind('.', last_dot - 1);
    if (inner_dot != std::string::npos) {
        const auto& inner = table.types_of(name.substr(inner_dot + 1, last_dot - inner_dot - 1));
        if (!inner.empty() && !share_a_type(inner, last)) {
            return kBytes;
        }
    }
    return type;
}

}  // namespace es::portal::http
