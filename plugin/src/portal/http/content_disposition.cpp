#include "portal/http/content_disposition.hpp"

#include <utility>

#include "portal/http/safe_filename.hpp"
#include "text/ascii_transliteration.hpp"

namespace es::portal::http {
namespace {

constexpr std::size_t kMaxExtension = 16;  // as safe_filename: ".pdf", ".docx", ".tar.gz" parts

bool is_alnum(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Printable ASCII that means the same to every client inside a quoted filename: no '"' or '\'
// (quoted-string), no '%' (some clients percent-decode), no ';' (some split parameters there).
bool is_kept(char c) {
    if (is_alnum(c)) {
        return true;
    }
    switch (c) {
        case ' ':
        case '-':
        case '.':
        case ',':
        case '(':
        case ')':
        case '+':
        case '&':
        case '!':
        case '#':
        case '$':
        case '@':
        case '=':
        case '~':
        case '\'':
        case '[':
        case ']':
            return true;
        default:
            return false;
    }
}

// ASCII that is kept, one '_' for each run of anything else (an '_' of the name included), no
// leading or trailing space, dot or '_'.
std::string filtered(std::string_view ascii) {
    std::string out;
    bool in_run = false;
    for (char c : ascii) {
        if (is_kept(c)) {
            out += c;
            in_run = false;
        } else if (!in_run) {
            out += '_';
            in_run = true;
        }
    }
    const auto first = out.find_first_not_of(" ._");
    if (first == std::string::npos) {
        return {};
    }
    return out.substr(first, out.find_last_not_of(" ._") - first + 1);
}

bool readable(std::string_view s) {
    for (char c : s) {
        if (is_alnum(c)) {
            return true;
        }
    }
    return false;
}

// The name in ASCII as (filtered stem, extension). The extension is split off after transliteration
// ("Plan.схема" has the extension "shema") and only when it is letters and digits: what follows
// the last dot of "../etc/passwd" is no extension.
std::pair<std::string, std::string> ascii_parts(std::string_view safe_name) {
    const std::string ascii = text::ascii_transliteration(safe_name);
    const auto dot = ascii.rfind('.');
    if (dot != std::string::npos && dot > 0 && dot + 1 < ascii.size() &&
        ascii.size() - dot <= kMaxExtension) {
        const std::string extension = ascii.substr(dot + 1);
        bool plain = true;
        for (char c : extension) {
            plain = plain && is_alnum(c);
        }
        if (plain) {
            return {filtered(std::string_view(ascii).substr(0, dot)), extension};
        }
    }
    return {filtered(ascii), {}};
}

}  // namespace

bool needs_fallback_stem(std::string_view safe_name) {
    return !readable(ascii_parts(safe_name).first);
}

std::string ascii_filename(std::string_view safe_name, std::string_view fallback) {
    auto [stem, extension] = ascii_parts(safe_name);
    if (!readable(stem)) {
        stem = filtered(fallback);
        if (!readable(stem)) {
            stem = "download";
        }
    }
    return extension.empty() ? stem : stem + "." + extension;
}

std::string fallback_stem(std::string_view case_number, std::string_view item_id) {
    if (case_number.empty()) {
        return std::string(item_id);
    }
    return std::string(case_number) + "-" + std::string(item_id);
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

namespace {

std::string disposition(const char* type, std::string_view name, std::string_view fallback) {
    const std::string safe = safe_filename(name);
    return std::string(type) + "; filename=\"" + ascii_filename(safe, fallback) +
           "\"; filename*=UTF-8''" + rfc8187_encode(safe);
}

}  // namespace

std::string attachment_disposition(std::string_view name, std::string_view fallback) {
    return disposition("attachment", name, fallback);
}

std::string inline_disposition(std::string_view name, std::string_view fallback) {
    return disposition("inline", name, fallback);
}

}  // namespace es::portal::http
