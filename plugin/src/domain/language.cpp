#include "domain/language.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>

namespace es::domain {

namespace {

bool is_two_letters(std::string_view s, char a, char b) {
    return s.size() == 2 && (s[0] | 0x20) == a && (s[1] | 0x20) == b;
}

}  // namespace

std::string_view to_text(Language l) {
    return l == Language::De ? "de" : "en";
}

Language parse_language(std::string_view tag) {
    const std::string_view primary = tag.substr(0, tag.find_first_of("-_"));
    return is_two_letters(primary, 'd', 'e') ? Language::De : Language::En;
}

std::optional<Language> parse_language_tag(std::string_view tag) {
    if (tag == "de") {
        return Language::De;
    }
    if (tag == "en") {
        return Language::En;
    }
    return std::nullopt;
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
        item.remove_prefix(std::min(item.find_first_not_of(' '), item.size()));
        const std::string_view primary = item.substr(0, item.find_first_of("- "));
        Language l;
        if (is_two_letters(primary, 'd', 'e')) {
            l = Language::De;
        } else if (is_two_letters(primary, 'e', 'n')) {
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

}  // namespace es::domain
