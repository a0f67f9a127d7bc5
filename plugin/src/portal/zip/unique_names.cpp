#include "portal/zip/unique_names.hpp"

namespace es::portal::zip {
namespace {

std::string folded(const std::string& s) {
    std::string out = s;
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

}  // namespace

std::string UniqueNames::claim(const std::string& name) {
    if (taken_.insert(folded(name)).second) {
        return name;
    }
    const auto dot = name.rfind('.');
    const bool has_ext = dot != std::string::npos && dot > 0;
    const std::string stem = has_ext ? name.substr(0, dot) : name;
    const std::string ext = has_ext ? name.substr(dot) : "";
    for (int n = 2;; ++n) {
        std::string candidate = stem + " (" + std::to_string(n) + ")" + ext;
        if (taken_.insert(folded(candidate)).second) {
            return candidate;
        }
    }
}

}  // namespace es::portal::zip
