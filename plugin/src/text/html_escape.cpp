#include "text/html_escape.hpp"

namespace es::text {

namespace {

bool is_markup(char c) {
    return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
}

}  // namespace

std::string html_escape(std::string_view text) {
    // Runs of plain characters are copied whole: every link page escapes the case's journal,
    // which is mostly such runs.
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t from = 0;
    for (std::size_t at = 0; at < text.size(); ++at) {
        const char c = text[at];
        if (!is_markup(c)) {
            continue;
        }
        out.append(text, from, at - from);
        switch (c) {
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
