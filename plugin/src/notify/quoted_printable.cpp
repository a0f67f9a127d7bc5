#include "notify/quoted_printable.hpp"

namespace es::notify {

namespace {

constexpr std::size_t kMaxLine = 76;

void encode_line(std::string_view line, std::string& out) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::size_t length = 0;  // of the current output line
    for (std::size_t i = 0; i < line.size(); ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        const bool last = i + 1 == line.size();
        std::string piece;
        // Trailing blanks would be stripped by transports; a leading '.' could meet a careless
        // SMTP implementation's end-of-data rule. Both are encoded.
        const bool literal = (c >= 33 && c <= 126 && c != '=' && !(c == '.' && length == 0)) ||
                             ((c == ' ' || c == '\t') && !last);
        if (literal) {
            piece = static_cast<char>(c);
        } else {
            piece = {'=', kHex[c >> 4], kHex[c & 0x0f]};
        }
        // Leave room for the soft break '=' unless this is the line's last piece.
        const std::size_t limit = last ? kMaxLine : kMaxLine - 1;
        if (length + piece.size() > limit) {
            out += "=\r\n";
            length = 0;
            if (piece == ".") {
                piece = "=2E";
            }
        }
        out += piece;
        length += piece.size();
    }
}

}  // namespace

std::string encode_quoted_printable(std::string_view text) {
    std::string out;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        const bool has_break = end != std::string_view::npos;
        if (!has_break) {
            end = text.size();
        }
        std::string_view line = text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        encode_line(line, out);
        if (!has_break) {
            break;
        }
        out += "\r\n";
        pos = end + 1;
    }
    return out;
}

}  // namespace es::notify
