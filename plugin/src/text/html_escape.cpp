#include "text/html_escape.hpp"

#include <optional>

namespace es::text {

namespace {

// Copies `text`, putting what `replacement` gives in place of each character it gives something
// for; the runs between are copied whole (every link page escapes the case's journal, which is
// mostly such runs).
template <class Replacement>
std::string replaced(std::string_view text, Replacement replacement) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t from = 0;
    for (std::size_t at = 0; at < text.size(); ++at) {
        const std::optional<std::string_view> r = replacement(text[at]);
        if (!r) {
            continue;
        }
        out.append(text, from, at - from);
        out += *r;
        from = at + 1;
    }
    out.append(text, from);
    return out;
}

std::optional<std::string_view> markup_entity(char c) {
    switch (c) {
        case '&':
            return "&amp;";
        case '<':
            return "&lt;";
        case '>':
            return "&gt;";
        case '"':
            return "&quot;";
        case '\'':
            return "&#39;";
        default:
            return std::nullopt;
    }
}

}  // namespace

std::string html_escape(std::string_view text) {
    return replaced(text, markup_entity);
}

std::string html_escape_lines(std::string_view text) {
    return replaced(text, [](char c) -> std::optional<std::string_view> {
        if (c == '\n') {
            return "<br>";
        }
        if (c == '\r') {
            return "";
        }
        return markup_entity(c);
    });
}

}  // namespace es::text
