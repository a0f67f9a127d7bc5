#include "web/accept_language.hpp"

#include <cctype>
#include <cstdlib>

namespace host {

namespace {

std::string trimmed_lower(const std::string& s) {
    std::size_t b = s.find_first_not_of(" \t");
    std::size_t e = s.find_last_not_of(" \t");
    std::string out = b == std::string::npos ? "" : s.substr(b, e - b + 1);
    for (auto& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::string accepted_locale(const std::string& accept_language, const std::string& fallback) {
    std::string best = fallback;
    double best_q = 0.0;
    std::size_t pos = 0;
    while (pos <= accept_language.size()) {
        std::size_t comma = accept_language.find(',', pos);
        if (comma == std::string::npos)
            comma = accept_language.size();
        std::string item = accept_language.substr(pos, comma - pos);
        pos = comma + 1;
        double q = 1.0;
        std::size_t semi = item.find(';');
        if (semi != std::string::npos) {
            std::string param = trimmed_lower(item.substr(semi + 1));
            if (param.rfind("q=", 0) == 0)
                q = std::strtod(param.c_str() + 2, nullptr);
            item = item.substr(0, semi);
        }
        std::string tag = trimmed_lower(item);
        std::string primary = tag.substr(0, tag.find_first_of("-_"));
        // Earlier entries win ties: browsers list languages in the user's order.
        if ((primary == "de" || primary == "en") && q > best_q) {
            best = primary;
            best_q = q;
        }
    }
    return best;
}

}  // namespace host
