// A text with {{placeholders}}, parsed once at start so that a typo in an organisation's template
// stops the plugin with file, template name and line instead of sending "{{recipiant_name}}".
//
// Syntax: "{{name}}" or "{{ name }}"; names are lowercase letters, digits and '_'. A literal "{{"
// that is not a placeholder is an error too (there is nothing to escape in our texts).
// Immutable after parse; render may be called from any thread.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace es::notify {

using TemplateValues = std::map<std::string, std::string>;

class MessageTemplate {
  public:
    MessageTemplate() = default;

    // Throws config::ConfigError(file, name, line, …) for an unknown or malformed placeholder.
    // `first_line` is the file line on which `text` starts (after a "Subject:" header, say).
    static MessageTemplate parse(std::string_view text, const std::set<std::string>& allowed,
                                 const std::string& file, const std::string& name,
                                 int first_line = 1);

    // Substitutes every placeholder with escape(value); a value missing from `values` renders as
    // "" (the composer always provides every allowed name, so this is only a safety net).
    std::string render(const TemplateValues& values,
                       const std::function<std::string(std::string_view)>& escape) const;

    std::set<std::string> placeholders() const;

  private:
    struct Piece {
        bool placeholder = false;
        std::string text;  // literal text, or the placeholder's name
    };
    std::vector<Piece> pieces_;
};

}  // namespace es::notify
