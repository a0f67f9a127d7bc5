// Points in time as the domain sees them: UTC, millisecond precision (what both databases store).
#pragma once

#include <chrono>
#include <cstdint>

namespace es::domain {

using Clock = std::chrono::system_clock;
using Timestamp = std::chrono::time_point<Clock, std::chrono::milliseconds>;

// The current time, truncated to what is stored, so a value survives a round trip unchanged.
inline Timestamp now_utc() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(Clock::now());
}

inline std::int64_t to_epoch_ms(Timestamp t) {
    return t.time_since_epoch().count();
}
inline Timestamp from_epoch_ms(std::int64_t ms) {
    return Timestamp(std::chrono::milliseconds(ms));
}

}  // namespace es::domain
