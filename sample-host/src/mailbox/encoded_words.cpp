#include "mailbox/encoded_words.hpp"

#include <cctype>
#include <sstream>

#include <Poco/Base64Decoder.h>
#include <Poco/StreamCopier.h>

namespace host {

namespace {

std::string latin1_to_utf8(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else {
            out += static_cast<char>(0xc0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3f));
        }
    }
    return out;
}

int hex(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string q_decode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_') {
            out += ' ';
        } else if (s[i] == '=' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string b_decode(const std::string& s) {
    std::istringstream in(s);
    Poco::Base64Decoder decoder(in);
    std::string out;
    Poco::StreamCopier::copyToString(decoder, out);
    return out;
}

}  // namespace

std::string EncodedWords::decode(const std::string& header) {
    std::string out;
    std::size_t pos = 0;
    bool last_was_word = false;
    while (pos < header.size()) {
        std::size_t start = header.find("=?", pos);
        if (start == std::string::npos) {
            out += header.substr(pos);
            break;
        }
        std::size_t q1 = header.find('?', start + 2);
        std::size_t q2 = q1 == std::string::npos ? q1 : header.find('?', q1 + 1);
        std::size_t end = q2 == std::string::npos ? q2 : header.find("?=", q2 + 1);
        if (end == std::string::npos) {
            out += header.substr(pos);
            break;
        }
        std::string between = header.substr(pos, start - pos);
        // Whitespace between two adjacent encoded words is not part of the text (RFC 2047 §6.2).
        bool blank = between.find_first_not_of(" \t\r\n") == std::string::npos;
        if (!(last_was_word && blank))
            out += between;
        std::string charset = header.substr(start + 2, q1 - start - 2);
        char encoding = static_cast<char>(std::toupper(static_cast<unsigned char>(header[q1 + 1])));
        std::string text = header.substr(q2 + 1, end - q2 - 1);
        std::string decoded = encoding == 'B' ? b_decode(text) : q_decode(text);
        for (auto& c : charset)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        out += (charset == "ISO-8859-1" || charset == "LATIN1") ? latin1_to_utf8(decoded) : decoded;
        pos = end + 2;
        last_was_word = true;
    }
    return out;
}

}  // namespace host
