// ASCII lower case, for names that compare case-insensitively by their ASCII letters only: media
// types, file extensions, header values. Other bytes (UTF-8 included) pass through unchanged, and
// the result does not depend on the process's locale.
#pragma once

#include <string>
#include <string_view>

namespace es::text {

inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

}  // namespace es::text
