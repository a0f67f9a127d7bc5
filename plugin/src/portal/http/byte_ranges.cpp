#include "portal/http/byte_ranges.hpp"

#include <algorithm>
#include <limits>
#include <optional>

namespace es::portal::http {
namespace {

constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

// Digits only; saturates instead of overflowing, since a huge first-pos is simply unsatisfiable.
std::optional<std::uint64_t> parse_digits(std::string_view s) {
    if (s.empty()) {
        return std::nullopt;
    }
    std::uint64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        const auto d = static_cast<std::uint64_t>(c - '0');
        v = v > (kMax - d) / 10 ? kMax : v * 10 + d;
    }
    return v;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x | 0x20) == (y | 0x20);
           });
}

struct Spec {
    std::optional<std::uint64_t> first;  // absent: suffix range
    std::optional<std::uint64_t> last;   // absent: to the end (or suffix length in `suffix`)
    std::uint64_t suffix = 0;
};

}  // namespace

RangeRequest parse_range(std::string_view header, std::uint64_t size, int max_ranges) {
    RangeRequest full;
    header = trim(header);
    const auto eq = header.find('=');
    if (eq == std::string_view::npos || !iequals(trim(header.substr(0, eq)), "bytes")) {
        return full;
    }
    std::vector<Spec> specs;
    std::string_view rest = header.substr(eq + 1);
    while (true) {
        const auto comma = rest.find(',');
        std::string_view item = trim(rest.substr(0, comma));
        // RFC 9110's list syntax tolerates empty elements ("bytes=0-1,,2-3").
        if (!item.empty()) {
            const auto dash = item.find('-');
            if (dash == std::string_view::npos) {
                return full;
            }
            Spec s;
            const std::string_view a = item.substr(0, dash);
            const std::string_view b = item.substr(dash + 1);
            if (a.empty()) {
                const auto n = parse_digits(b);
                if (!n) {
                    return full;
                }
                s.suffix = *n;
            } else {
                s.first = parse_digits(a);
                if (!s.first) {
                    return full;
                }
                if (!b.empty()) {
                    s.last = parse_digits(b);
                    if (!s.last || *s.last < *s.first) {
                        return full;  // invalid syntax: the whole header is ignored
                    }
                }
            }
            specs.push_back(s);
        }
        if (comma == std::string_view::npos) {
            break;
        }
        rest = rest.substr(comma + 1);
    }
    if (specs.empty()) {
        return full;
    }
    if (static_cast<int>(specs.size()) > max_ranges || size == 0) {
        return full;
    }
    std::vector<ByteRange> ranges;
    for (const Spec& s : specs) {
        if (!s.first) {
            if (s.suffix == 0) {
                continue;  // "bytes=-0" asks for nothing
            }
            ranges.push_back({size - std::min(s.suffix, size), size - 1});
        } else if (*s.first < size) {
            ranges.push_back({*s.first, s.last ? std::min(*s.last, size - 1) : size - 1});
        }
    }
    if (ranges.empty()) {
        return RangeRequest{RangeRequest::Outcome::Unsatisfiable, {}};
    }
    std::sort(ranges.begin(), ranges.end(),
              [](const ByteRange& x, const ByteRange& y) { return x.first < y.first; });
    std::vector<ByteRange> merged;
    for (const ByteRange& r : ranges) {
        if (!merged.empty() && r.first <= merged.back().last + 1) {
            merged.back().last = std::max(merged.back().last, r.last);
        } else {
            merged.push_back(r);
        }
    }
    return RangeRequest{RangeRequest::Outcome::Partial, std::move(merged)};
}

}  // namespace es::portal::http
