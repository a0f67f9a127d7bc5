#include "portal/zip/unique_names.hpp"

#include "text/unicode_text.hpp"

namespace es::portal::zip {

std::string UniqueNames::claim(const std::string& given) {
    // Written in NFC, as most systems write names; compared as the file systems that unpack it
    // compare them (text::same_file_key), so that no entry lands on another's file.
    const std::string name = text::nfc(given);
    if (taken_.insert(text::same_file_key(name)).second) {
        return name;
    }
    const auto dot = name.rfind('.');
    const bool has_ext = dot != std::string::npos && dot > 0;
    const std::string stem = has_ext ? name.substr(0, dot) : name;
    const std::string ext = has_ext ? name.substr(dot) : "";
    for (int n = 2;; ++n) {
        std::string candidate = stem + " (" + std::to_string(n) + ")" + ext;
        if (taken_.insert(text::same_file_key(candidate)).second) {
            return candidate;
        }
    }
}

}  // namespace es::portal::zip
