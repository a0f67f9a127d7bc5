// Every message template the module can use: the built-in German and English texts, and the
// overrides organisations put into NotifySettings::templates_directory.
//
// Layout of the overrides (docs/notifications.md has the details):
//   <templates_directory>/<organisation id>/<kind>.<lang>.txt       "Subject: …", blank line, body
//   <templates_directory>/<organisation id>/<kind>.<lang>.html      optional HTML part
//   <templates_directory>/<organisation id>/<kind>.<lang>.sms.txt   SMS text (one_time_code only)
// <kind> is a MessageKind text ("share_link", …), <lang> "de" or "en". An organisation overrides
// single files; the rest stays built in. When it overrides a .txt but not the .html, the HTML part
// is made from its text, so the two parts never say different things.
//
// Loaded once at start: load() throws config::ConfigError naming the file, the template and the
// line for an unknown placeholder, an unknown file name or a malformed file. Immutable afterwards,
// so lookups may come from any thread.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "domain/share_options.hpp"
#include "notify/message_kind.hpp"
#include "notify/message_template.hpp"

namespace es::notify {

struct MailTemplate {
    MessageTemplate subject;
    MessageTemplate text;
    std::optional<MessageTemplate> html;  // none: the composer makes HTML from the text
};

class TemplateCatalog {
  public:
    // Built-in templates plus the overrides under `templates_directory` (may be empty: none).
    static TemplateCatalog load(const std::string& templates_directory);

    // The organisation's template when it has one, else the built-in one.
    const MailTemplate& mail(const std::string& organisation_id, MessageKind kind,
                             domain::Language locale) const;
    // Throws std::invalid_argument when `kind` has no SMS form (only one_time_code has).
    const MessageTemplate& sms(const std::string& organisation_id, MessageKind kind,
                               domain::Language locale) const;

    // The placeholders a template of this kind may use; every one of them has a value when the
    // composer renders it.
    static const std::set<std::string>& placeholders(MessageKind kind);

  private:
    using Key =
        std::tuple<std::string, MessageKind, domain::Language>;  // organisation "" = built in
    std::map<Key, MailTemplate> mail_;
    std::map<Key, MessageTemplate> sms_;
};

}  // namespace es::notify
