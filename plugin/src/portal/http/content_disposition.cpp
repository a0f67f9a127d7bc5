#include "portal/http/content_disposition.hpp"

#include "portal/http/safe_filename.hpp"

namespace es::portal::http {

std::string ascii_fallback(std::string_view safe_name) {
    std::string out;
    bool in_sequence = false;  // one '_' per run of non-ASCII bytes, not one per byte
    for (char ch : safe_name) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' && c != ';') {
            out += ch;
            in_sequence = false;
        } else if (!in_sequence) {
            out += '_';
            in_sequence = c >= 0x80;
        }
    }
    return out;
}

std::string rfc8187_encode(std::string_view utf8) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        const bool attr_char = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                               (c >= '0' && c <= '9') || c == '!' || c == '#' || c == '$' ||
                               c == '&' || c == '+' || c == '-' || c == '.' || c == '^' ||
                               c == '_' || c == '`' || c == '|' || c == '~';
        if (attr_char) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0x0F];
        }
    }
    return out;
}

std::string attachment_disposition(std::string_view name) {
    const std::string safe = safe_filename(name);
    return "attachment; filename=\"" + ascii_fallback(safe) + "\"; filename*=UTF-8''" +
           rfc8187_encode(safe);
}

}  // namespace es::portal::http
