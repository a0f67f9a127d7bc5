#include "portal/language.hpp"

#include <cstdlib>
#include <string>

namespace es::portal {

Language language_of(domain::Locale locale) {
    return locale == domain::Locale::De ? Language::De : Language::En;
}

std::string_view language_tag(Language language) {
    return language == Language::De ? "de" : "en";
}

bool parse_language_tag(std::string_view tag, Language& out) {
    if (tag == "de") {
        out = Language::De;
        return true;
    }
    if (tag == "en") {
        out = Language::En;
        return true;
    }
    return false;
}

Language negotiate_language(std::string_view header, Language fallback) {
    double best_q = 0.0;
    Language best = fallback;
    while (!header.empty()) {
        const auto comma = header.find(',');
        std::string_view item = header.substr(0, comma);
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
        double q = 1.0;
        const auto semi = item.find(';');
        if (semi != std::string_view::npos) {
            const auto qpos = item.find("q=", semi);
            if (qpos != std::string_view::npos) {
                q = std::strtod(std::string(item.substr(qpos + 2)).c_str(), nullptr);
            }
            item = item.substr(0, semi);
        }
        while (!item.empty() && item.front() == ' ') {
            item.remove_prefix(1);
        }
        while (!item.empty() && item.back() == ' ') {
            item.remove_suffix(1);
        }
        const std::string_view primary = item.substr(0, item.find('-'));
        Language l;
        if (primary.size() == 2 && (primary[0] | 0x20) == 'd' && (primary[1] | 0x20) == 'e') {
            l = Language::De;
        } else if (primary.size() == 2 && (primary[0] | 0x20) == 'e' &&
                   (primary[1] | 0x20) == 'n') {
            l = Language::En;
        } else {
            continue;
        }
        if (q > best_q) {
            best_q = q;
            best = l;
        }
    }
    return best;
}

}  // namespace es::portal
