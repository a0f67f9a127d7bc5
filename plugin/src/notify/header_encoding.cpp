#include "notify/header_encoding.hpp"

#include <Poco/Base64Encoder.h>

#include <array>
#include <ctime>
#include <sstream>

#include "domain/contact.hpp"
#include "notify/invalid_address.hpp"

namespace es::notify {

namespace {

std::string without_controls(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) {
            c = ' ';
        }
    }
    return out;
}

bool is_plain_ascii(std::string_view text) {
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u > 0x7e) {
            return false;
        }
    }
    // "=?" could be read as the start of an encoded word by the receiving side.
    return text.find("=?") == std::string_view::npos;
}

std::string base64(std::string_view bytes) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    encoder.close();
    return out.str();
}

// Encoded words of at most 45 bytes of text each (60 base64 characters, 72 with the frame: within
// the 75 RFC 2047 allows), never splitting a UTF-8 sequence.
std::string encoded_words(std::string_view utf8) {
    constexpr std::size_t kChunk = 45;
    std::string out;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        std::size_t end = std::min(pos + kChunk, utf8.size());
        while (end < utf8.size() && end > pos &&
               (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80) {
            --end;  // back to the start of the sequence that would be cut
        }
        if (!out.empty()) {
            out += "\r\n ";
        }
        out += "=?UTF-8?B?" + base64(utf8.substr(pos, end - pos)) + "?=";
        pos = end;
    }
    return out;
}

}  // namespace

std::string encode_header_text(std::string_view utf8) {
    const std::string clean = without_controls(utf8);
    // Long ASCII values are encoded too: the encoded form folds, so no line exceeds 998 octets.
    if (is_plain_ascii(clean) && clean.size() <= 900) {
        return clean;
    }
    return encoded_words(clean);
}

std::string format_mailbox(std::string_view display_name, std::string_view address) {
    if (!domain::is_valid_email(address)) {
        throw InvalidAddress("not a valid e-mail address");
    }
    const std::string name = without_controls(display_name);
    if (name.find_first_not_of(' ') == std::string::npos) {
        return std::string(address);
    }
    if (is_plain_ascii(name) && name.size() <= 200) {
        std::string quoted = "\"";
        for (char c : name) {
            if (c == '"' || c == '\\') {
                quoted += '\\';
            }
            quoted += c;
        }
        return quoted + "\" <" + std::string(address) + ">";
    }
    return encoded_words(name) + " <" + std::string(address) + ">";
}

std::string format_mail_date(domain::Timestamp at) {
    static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                         "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> kMonths = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t seconds = domain::Clock::to_time_t(at);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                  tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                  tm.tm_sec);
    return buffer;
}

}  // namespace es::notify
