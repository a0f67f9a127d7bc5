#include "notify/message_template.hpp"

#include <algorithm>

#include "config/config_error.hpp"

namespace es::notify {

namespace {

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') {
        s.remove_prefix(1);
    }
    while (!s.empty() && s.back() == ' ') {
        s.remove_suffix(1);
    }
    return s;
}

}  // namespace

MessageTemplate MessageTemplate::parse(std::string_view text, const std::set<std::string>& allowed,
                                       const std::string& file, const std::string& name,
                                       int first_line) {
    MessageTemplate out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t open = text.find("{{", pos);
        if (open == std::string_view::npos) {
            out.pieces_.push_back({false, std::string(text.substr(pos))});
            break;
        }
        const int line =
            first_line + static_cast<int>(std::count(text.begin(), text.begin() + open, '\n'));
        if (open > pos) {
            out.pieces_.push_back({false, std::string(text.substr(pos, open - pos))});
        }
        const std::size_t close = text.find("}}", open + 2);
        const std::size_t newline = text.find('\n', open);
        if (close == std::string_view::npos ||
            (newline != std::string_view::npos && newline < close)) {
            throw config::ConfigError(file, name, line, "'{{' without '}}' on the same line");
        }
        const std::string_view key = trim(text.substr(open + 2, close - open - 2));
        if (key.empty() || !std::all_of(key.begin(), key.end(), is_name_char)) {
            throw config::ConfigError(file, name, line,
                                      "malformed placeholder '{{" +
                                          std::string(text.substr(open + 2, close - open - 2)) +
                                          "}}'");
        }
        if (!allowed.contains(std::string(key))) {
            std::string known;
            for (const auto& a : allowed) {
                known += (known.empty() ? "" : ", ") + a;
            }
            throw config::ConfigError(file, name, line,
                                      "unknown placeholder '{{" + std::string(key) +
                                          "}}' (this template knows: " + known + ")");
        }
        out.pieces_.push_back({true, std::string(key)});
        pos = close + 2;
    }
    return out;
}

std::string MessageTemplate::render(
    const TemplateValues& values,
    const std::function<std::string(std::string_view)>& escape) const {
    std::string out;
    for (const Piece& p : pieces_) {
        if (!p.placeholder) {
            out += p.text;
            continue;
        }
        auto it = values.find(p.text);
        if (it != values.end()) {
            out += escape(it->second);
        }
    }
    return out;
}

std::set<std::string> MessageTemplate::placeholders() const {
    std::set<std::string> out;
    for (const Piece& p : pieces_) {
        if (p.placeholder) {
            out.insert(p.text);
        }
    }
    return out;
}

}  // namespace es::notify
