#include "notify/template_catalog.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "config/config_error.hpp"
#include "notify/builtin_templates.hpp"

namespace es::notify {

namespace {

namespace fs = std::filesystem;

constexpr MessageKind kAllKinds[] = {
    MessageKind::ShareLink,           MessageKind::AccessCode,
    MessageKind::OwnerFirstOpened,    MessageKind::OwnerFailedAttempts,
    MessageKind::OwnerDeliveryFailed, MessageKind::OwnerExpiryReminder,
    MessageKind::OwnerCodeLimit};
constexpr domain::Language kAllLocales[] = {domain::Language::De, domain::Language::En};

enum class Part { Text, Html, Sms };

struct FileName {
    MessageKind kind;
    domain::Language locale;
    Part part;
};

// "share_link.de.txt" → {ShareLink, De, Text}; nothing for a name that is not a template's.
std::optional<FileName> parse_file_name(const std::string& name) {
    for (MessageKind kind : kAllKinds) {
        for (domain::Language locale : kAllLocales) {
            const std::string stem =
                std::string(to_text(kind)) + "." + std::string(domain::to_text(locale));
            if (name == stem + ".txt") {
                return FileName{kind, locale, Part::Text};
            }
            if (name == stem + ".html") {
                return FileName{kind, locale, Part::Html};
            }
            if (name == stem + ".sms.txt") {
                return FileName{kind, locale, Part::Sms};
            }
        }
    }
    return std::nullopt;
}

std::string without_carriage_returns(std::string text) {
    std::erase(text, '\r');
    return text;
}

// A .txt file: "Subject: …" on line 1, an empty line 2, the body from line 3.
void parse_mail_text(const std::string& text, MessageKind kind, const std::string& file,
                     const std::string& name, MailTemplate& out) {
    const std::size_t first_end = text.find('\n');
    const std::string first = text.substr(0, first_end);
    constexpr std::string_view kSubject = "Subject:";
    if (first.rfind(kSubject, 0) != 0) {
        throw config::ConfigError(file, name, 1, "the first line must be 'Subject: …'");
    }
    std::string subject = first.substr(kSubject.size());
    while (!subject.empty() && subject.front() == ' ') {
        subject.erase(0, 1);
    }
    if (subject.empty()) {
        throw config::ConfigError(file, name, 1, "the subject is empty");
    }
    if (first_end == std::string::npos || text.size() <= first_end + 1 ||
        text[first_end + 1] != '\n') {
        throw config::ConfigError(file, name, 2, "line 2 must be empty (it ends the header)");
    }
    const std::string body = text.substr(first_end + 2);
    if (body.find_first_not_of(" \n\t") == std::string::npos) {
        throw config::ConfigError(file, name, 3, "the body is empty");
    }
    const auto& allowed = TemplateCatalog::placeholders(kind);
    out.subject = MessageTemplate::parse(subject, allowed, file, name, 1);
    out.text = MessageTemplate::parse(body, allowed, file, name, 3);
}

MessageTemplate parse_sms(std::string text, MessageKind kind, const std::string& file,
                          const std::string& name) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.pop_back();
    }
    if (text.empty()) {
        throw config::ConfigError(file, name, 1, "the SMS text is empty");
    }
    if (text.find('\n') != std::string::npos) {
        throw config::ConfigError(file, name, 2, "an SMS text is one line");
    }
    return MessageTemplate::parse(text, TemplateCatalog::placeholders(kind), file, name, 1);
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw config::ConfigError(path.string(), "", 0, "cannot read the template");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return without_carriage_returns(text.str());
}

}  // namespace

const std::set<std::string>& TemplateCatalog::placeholders(MessageKind kind) {
    static const std::map<MessageKind, std::set<std::string>> by_kind = [] {
        const std::set<std::string> common = {"organisation", "recipient_name", "sender_name",
                                              "greeting"};
        auto with = [&](std::initializer_list<std::string> more) {
            std::set<std::string> s = common;
            s.insert(more);
            return s;
        };
        return std::map<MessageKind, std::set<std::string>>{
            {MessageKind::ShareLink, with({"link", "expires", "protection_note"})},
            {MessageKind::AccessCode, with({"code", "valid_minutes"})},
            {MessageKind::OwnerFirstOpened, with({"access", "at", "case_reference"})},
            {MessageKind::OwnerFailedAttempts,
             with({"attempts", "reason", "at", "case_reference"})},
            {MessageKind::OwnerDeliveryFailed,
             with({"failed_message", "address", "error", "case_reference"})},
            {MessageKind::OwnerExpiryReminder, with({"expires", "days_left", "case_reference"})},
            {MessageKind::OwnerCodeLimit, with({"attempts", "at", "case_reference"})},
        };
    }();
    return by_kind.at(kind);
}

TemplateCatalog TemplateCatalog::load(const std::string& templates_directory) {
    TemplateCatalog out;
    const std::string builtin_file = "<built-in templates>";
    for (const BuiltinTemplate& t : builtin_templates()) {
        const std::string name(t.file_name);
        const auto parsed = parse_file_name(name);
        if (!parsed) {
            throw config::ConfigError(builtin_file, name, 0, "not a template file name");
        }
        const Key key{"", parsed->kind, parsed->locale};
        if (parsed->part == Part::Text) {
            parse_mail_text(std::string(t.text), parsed->kind, builtin_file, name, out.mail_[key]);
        } else if (parsed->part == Part::Html) {
            out.mail_[key].html =
                MessageTemplate::parse(t.text, placeholders(parsed->kind), builtin_file, name, 1);
        } else {
            out.sms_[key] = parse_sms(std::string(t.text), parsed->kind, builtin_file, name);
        }
    }
    for (MessageKind kind : kAllKinds) {
        for (domain::Language locale : kAllLocales) {
            if (!out.mail_.contains(Key{"", kind, locale})) {
                throw std::logic_error("a built-in e-mail template is missing");
            }
        }
    }
    if (templates_directory.empty()) {
        return out;
    }
    const fs::path root(templates_directory);
    if (!fs::is_directory(root)) {
        throw config::ConfigError(templates_directory, "notify.templates_directory", 0,
                                  "is not a directory");
    }
    // Sorted, so the first error reported is the same on every start.
    std::vector<fs::path> organisations;
    for (const auto& entry : fs::directory_iterator(root)) {
        if (entry.is_directory()) {
            organisations.push_back(entry.path());
        }
    }
    std::sort(organisations.begin(), organisations.end());
    for (const fs::path& dir : organisations) {
        const std::string organisation = dir.filename().string();
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(dir)) {
            files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        // Text parts first, so an .html override can be laid over the organisation's text.
        std::map<Key, MailTemplate> texts;
        std::map<Key, MessageTemplate> htmls;
        for (const fs::path& path : files) {
            const std::string name = path.filename().string();
            const auto parsed = parse_file_name(name);
            if (!parsed || !fs::is_regular_file(path)) {
                throw config::ConfigError(path.string(), name, 0,
                                          "not a template: expected <kind>.<de|en>.txt, .html or "
                                          ".sms.txt with a known kind");
            }
            const Key key{organisation, parsed->kind, parsed->locale};
            const std::string text = read_file(path);
            if (parsed->part == Part::Text) {
                parse_mail_text(text, parsed->kind, path.string(), name, texts[key]);
            } else if (parsed->part == Part::Html) {
                htmls[key] = MessageTemplate::parse(text, placeholders(parsed->kind), path.string(),
                                                    name, 1);
            } else {
                if (parsed->kind != MessageKind::AccessCode) {
                    throw config::ConfigError(path.string(), name, 0,
                                              "only one_time_code is ever sent by SMS");
                }
                out.sms_[key] = parse_sms(text, parsed->kind, path.string(), name);
            }
        }
        for (auto& [key, mail] : texts) {
            out.mail_[key] = std::move(mail);  // html stays empty: made from this text
        }
        for (auto& [key, html] : htmls) {
            auto it = out.mail_.find(key);
            if (it == out.mail_.end()) {
                const auto& [org, kind, locale] = key;
                it = out.mail_.emplace(key, out.mail_.at(Key{"", kind, locale})).first;
            }
            it->second.html = std::move(html);
        }
    }
    return out;
}

const MailTemplate& TemplateCatalog::mail(const std::string& organisation_id, MessageKind kind,
                                          domain::Language locale) const {
    auto it = mail_.find(Key{organisation_id, kind, locale});
    if (it == mail_.end()) {
        it = mail_.find(Key{"", kind, locale});
    }
    return it->second;
}

const MessageTemplate& TemplateCatalog::sms(const std::string& organisation_id, MessageKind kind,
                                            domain::Language locale) const {
    auto it = sms_.find(Key{organisation_id, kind, locale});
    if (it == sms_.end()) {
        it = sms_.find(Key{"", kind, locale});
    }
    if (it == sms_.end()) {
        throw std::invalid_argument("no SMS template for " + std::string(to_text(kind)));
    }
    return it->second;
}

}  // namespace es::notify
