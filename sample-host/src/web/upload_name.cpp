#include "web/upload_name.hpp"

namespace host {
namespace {

// The length of the UTF-8 sequence starting at s[i], or 0 when it is not a valid one (overlong
// forms, surrogates and values past U+10FFFF included).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    std::size_t n = 0;
    unsigned min = 0;
    unsigned cp = 0;
    if (c < 0x80) {
        return 1;
    } else if ((c & 0xe0) == 0xc0) {
        n = 2, min = 0x80, cp = c & 0x1fu;
    } else if ((c & 0xf0) == 0xe0) {
        n = 3, min = 0x800, cp = c & 0x0fu;
    } else if ((c & 0xf8) == 0xf0) {
        n = 4, min = 0x10000, cp = c & 0x07u;
    } else {
        return 0;
    }
    if (i + n > s.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xc0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3fu);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return 0;
    }
    return n;
}

bool is_control(unsigned char c) {
    return c < 0x20 || c == 0x7f;
}

}  // namespace

std::optional<std::string> upload_display_name(std::string_view sent) {
    std::string name;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < sent.size();) {
        if (sent.substr(i, 3) == "%22") {
            name += '"';
            ++chars;
            i += 3;
            continue;
        }
        const std::size_t n = utf8_sequence(sent, i);
        if (n == 0) {
            return std::nullopt;
        }
        if (n > 1 || !is_control(static_cast<unsigned char>(sent[i]))) {
            name.append(sent.substr(i, n));
            ++chars;
        }
        i += n;
    }
    const auto first = name.find_first_not_of(' ');
    if (first == std::string::npos) {
        return std::nullopt;
    }
    name = name.substr(first, name.find_last_not_of(' ') - first + 1);
    if (chars > kMaxUploadNameChars) {
        return std::nullopt;
    }
    return name;
}

}  // namespace host
