#include "portal/pages/masked_contact.hpp"

namespace es::portal::pages {
namespace {

constexpr const char* kDot = "\xE2\x80\xA2";  // U+2022 BULLET

// Country calling codes are 1 to 3 digits; the common ones of our users are 2 (41, 49, 43, 33,
// 39, 44) or 1 (1). Three-digit codes start with digits that no shorter code uses.
std::size_t country_code_length(std::string_view digits) {
    if (digits.empty()) {
        return 0;
    }
    if (digits[0] == '1' || digits[0] == '7') {
        return 1;
    }
    static constexpr std::string_view kTwo[] = {
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
        "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
        "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98"};
    for (auto two : kTwo) {
        if (digits.substr(0, 2) == two) {
            return 2;
        }
    }
    return std::min<std::size_t>(3, digits.size());
}

}  // namespace

std::string masked_phone(std::string_view e164) {
    std::string digits;
    for (char c : e164) {
        if (c >= '0' && c <= '9') {
            digits += c;
        }
    }
    if (digits.size() < 6) {
        return std::string(3, '*');
    }
    const std::size_t cc = country_code_length(digits);
    const std::string national = digits.substr(cc);
    const std::size_t hidden = national.size() - 2;
    // Groups of 2-3-2… like Swiss numbers, for readability; only the count of digits shows.
    std::string out = "+" + digits.substr(0, cc) + " ";
    static constexpr std::size_t kGroups[] = {2, 3, 2, 2, 2, 2, 2};
    std::size_t done = 0;
    for (std::size_t g : kGroups) {
        if (done >= hidden) {
            break;
        }
        const std::size_t n = std::min(g, hidden - done);
        for (std::size_t i = 0; i < n; ++i) {
            out += kDot;
        }
        out += ' ';
        done += n;
    }
    while (done < hidden) {
        out += kDot;
        ++done;
    }
    if (out.back() != ' ') {
        out += ' ';
    }
    return out + national.substr(hidden);
}

std::string masked_email(std::string_view address) {
    const auto at = address.rfind('@');
    if (at == std::string_view::npos || at == 0) {
        return std::string(kDot) + kDot + kDot;
    }
    std::string out(address.substr(0, 1));
    out += kDot;
    out += kDot;
    out += kDot;
    out += address.substr(at);
    return out;
}

}  // namespace es::portal::pages
