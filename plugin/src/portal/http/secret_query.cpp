#include "portal/http/secret_query.hpp"

#include <array>
#include <string>

namespace es::portal::http {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// Decodes %XX and keeps only ASCII letters and digits, lower-cased: "New-Pass%77ord"
// becomes "newpassword". Percent signs that start no escape are dropped like other punctuation.
std::string normalised_name(std::string_view raw) {
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '%' && i + 2 < raw.size() && hex_value(raw[i + 1]) >= 0 &&
            hex_value(raw[i + 2]) >= 0) {
            c = static_cast<char>(hex_value(raw[i + 1]) * 16 + hex_value(raw[i + 2]));
            i += 2;
        }
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
        }
    }
    return out;
}

bool names_a_secret(const std::string& name) {
    static constexpr std::array<std::string_view, 14> kParts = {
        "pass",    "pwd",    "secret", "token",      "code",   "otp",       "csrf",
        "session", "cookie", "auth",   "credential", "apikey", "accesskey", "privatekey"};
    static constexpr std::array<std::string_view, 4> kWholeNames = {"pin", "key", "sid", "pw"};
    for (auto part : kParts) {
        if (name.find(part) != std::string::npos) {
            return true;
        }
    }
    for (auto whole : kWholeNames) {
        if (name == whole) {
            return true;
        }
    }
    return false;
}

}  // namespace

bool query_names_a_secret(std::string_view uri) {
    const auto question = uri.find('?');
    if (question == std::string_view::npos) {
        return false;
    }
    std::string_view query = uri.substr(question + 1);
    query = query.substr(0, query.find('#'));
    while (!query.empty()) {
        const auto amp = query.find_first_of("&;");
        const std::string_view pair = query.substr(0, amp);
        if (names_a_secret(normalised_name(pair.substr(0, pair.find('='))))) {
            return true;
        }
        if (amp == std::string_view::npos) {
            break;
        }
        query.remove_prefix(amp + 1);
    }
    return false;
}

}  // namespace es::portal::http
