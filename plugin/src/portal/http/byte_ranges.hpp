// The `Range` request header (RFC 9110 §14.2) for one representation of known length.
//
// Only the `bytes` unit is understood. What the server does with a header follows RFC 9110:
// a header it cannot parse or does not support is ignored (full 200 response), a valid header of
// which no range is satisfiable yields 416, anything else 206 with the satisfiable ranges,
// overlapping or adjacent ones merged (§14.2 allows coalescing) so a client cannot make the server
// send the same bytes many times over.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace es::portal::http {

struct ByteRange {
    std::uint64_t first = 0;
    std::uint64_t last = 0;  // inclusive, as in Content-Range
    std::uint64_t length() const { return last - first + 1; }
    bool operator==(const ByteRange&) const = default;
};

struct RangeRequest {
    enum class Outcome { Full, Partial, Unsatisfiable };
    Outcome outcome = Outcome::Full;
    std::vector<ByteRange> ranges;  // ascending, disjoint; set only for Partial
};

// `max_ranges` bounds the number of ranges a client may ask for; more are answered with the full
// representation (as Apache's MaxRanges does) instead of a multipart response of many tiny parts.
RangeRequest parse_range(std::string_view header, std::uint64_t size, int max_ranges);

}  // namespace es::portal::http
