// The name a caseworker's file keeps in the case: what the browser sent as the file part's
// filename, shown as it is (umlauts, Japanese, right-to-left marks and all) but never used as a
// path; the file itself is stored under a generated name.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace host {

// Names longer than this many characters are refused rather than cut: a cut name could end in
// a different extension than the file has.
inline constexpr std::size_t kMaxUploadNameChars = 255;

// The display name for the multipart filename parameter `sent`, or nothing when it cannot be one
// (empty once trimmed, not UTF-8, too long). Browsers escape '"' as %22 in the parameter (HTML's
// multipart/form-data encoding), which is undone; control characters, which no file name shown
// in a list or a header should carry, are dropped.
std::optional<std::string> upload_display_name(std::string_view sent);

}  // namespace host
