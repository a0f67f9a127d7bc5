// How often a share's files may be downloaded: unlimited (nothing), or 1 to kMaxDownloadLimit
// downloads for the whole share (every file and the zip count against the same number).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/violation.hpp"

namespace es::domain {

inline constexpr std::int64_t kMaxDownloadLimit = 1000;

// "download_limit_range" when the limit is outside 1..kMaxDownloadLimit.
inline void check_download_limit(const std::optional<std::int64_t>& limit, const std::string& field,
                                 Violations& out) {
    if (limit && (*limit < 1 || *limit > kMaxDownloadLimit)) {
        out.push_back({field, "download_limit_range",
                       "must be a whole number from 1 to " + std::to_string(kMaxDownloadLimit)});
    }
}

}  // namespace es::domain
