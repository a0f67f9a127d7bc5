#include "portal/http/safe_filename.hpp"

#include <cstdint>
#include <vector>

#include "text/utf8.hpp"

namespace es::portal::http {
namespace {

constexpr std::size_t kMaxBytes = 200;

// Decodes one UTF-8 sequence at `i`; returns the code point or -1 for an invalid sequence, and
// advances `i` past what it consumed.
long decode(std::string_view s, std::size_t& i) {
    const auto c0 = static_cast<unsigned char>(s[i]);
    int len = 0;
    long cp = 0;
    if (c0 < 0x80) {
        ++i;
        return c0;
    } else if ((c0 & 0xE0) == 0xC0) {
        len = 2;
        cp = c0 & 0x1F;
    } else if ((c0 & 0xF0) == 0xE0) {
        len = 3;
        cp = c0 & 0x0F;
    } else if ((c0 & 0xF8) == 0xF0) {
        len = 4;
        cp = c0 & 0x07;
    } else {
        ++i;
        return -1;
    }
    if (i + len > s.size()) {
        ++i;
        return -1;
    }
    for (int k = 1; k < len; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) {
            ++i;
            return -1;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    // Overlong forms, surrogates and values beyond Unicode are invalid.
    static constexpr long kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return -1;
    }
    i += len;
    return cp;
}

bool is_bidi_control(long cp) {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

// Invisible or line-breaking characters that make a name look like something else.
bool is_invisible(long cp) {
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
           (cp >= 0x200B && cp <= 0x200D);
}

}  // namespace

std::string safe_filename(std::string_view name, std::string_view fallback) {
    std::vector<long> cps;
    for (std::size_t i = 0; i < name.size();) {
        long cp = decode(name, i);
        if (cp < 0) {
            cp = '_';
        } else if (is_bidi_control(cp) || is_invisible(cp)) {
            continue;
        } else if (cp == '/' || cp == '\\') {
            cp = '_';
        }
        cps.push_back(cp);
    }
    // Leading and trailing spaces and dots confuse file systems (Windows drops trailing dots).
    while (!cps.empty() && (cps.front() == ' ' || cps.front() == '.')) {
        cps.erase(cps.begin());
    }
    while (!cps.empty() && (cps.back() == ' ' || cps.back() == '.')) {
        cps.pop_back();
    }
    if (cps.empty()) {
        return std::string(fallback);
    }
    std::string out;
    for (long cp : cps) {
        text::append_utf8(out, static_cast<std::uint32_t>(cp));
    }
    if (out.size() <= kMaxBytes) {
        return out;
    }
    // Keep the extension: cut the stem at a character boundary.
    std::string ext;
    const auto dot = out.rfind('.');
    if (dot != std::string::npos && out.size() - dot <= 16) {
        ext = out.substr(dot);
        out.resize(dot);
    }
    std::size_t cut = kMaxBytes - ext.size();
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    out.resize(cut);
    return out + ext;
}

}  // namespace es::portal::http
