#include "text/html_escape.hpp"

namespace es::text {

std::string html_escape(std::string_view text) {
    // Runs of plain characters are copied whole: every link page escapes the case's journal,
    // which is mostly such runs.
    static constexpr std::string_view kSpecial = "&<>\"'";
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t from = 0;
    for (std::size_t at = text.find_first_of(kSpecial); at != std::string_view::npos;
         at = text.find_first_of(kSpecial, from)) {
        out.append(text, from, at - from);
        switch (text[at]) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += "&#39;";
        }
        from = at + 1;
    }
    out.append(text, from);
    return out;
}

}  // namespace es::text
