#include "ui/download_limit_field.hpp"

#include <charconv>

namespace es::ui {

Json download_limit_field(Language lang, const std::string& value, const char* shown_by) {
    Json f = element({{"type", "text"},
                      {"name", "download_limit"},
                      {"label", text(lang, "dialog.download_limit")},
                      {"help", text(lang, "dialog.download_limit.help")},
                      {"placeholder", text(lang, "dialog.download_limit.unlimited")},
                      {"value", value}});
    f->set("maxlength", 4);
    if (shown_by != nullptr) {
        Json show_if = object();
        JsonArray when = array();
        when->add("true");
        show_if->set("field", shown_by);
        show_if->set("in", when);
        f->set("show_if", show_if);
    }
    return f;
}

void read_download_limit(const Json& payload, const char* name, std::optional<std::int64_t>& limit,
                         domain::Violations& problems) {
    limit.reset();
    if (!payload || !payload->has(name) || payload->isNull(name)) {
        return;
    }
    const auto value = payload->get(name);
    std::string digits;
    if (value.isString()) {
        digits = value.convert<std::string>();
        const auto b = digits.find_first_not_of(" \t");
        const auto e = digits.find_last_not_of(" \t");
        digits = b == std::string::npos ? "" : digits.substr(b, e - b + 1);
        if (digits.empty()) {
            return;
        }
    } else if (value.isInteger()) {
        limit = value.convert<std::int64_t>();
        return;
    }
    std::int64_t parsed = 0;
    const char* end = digits.data() + digits.size();
    const auto [ptr, ec] = std::from_chars(digits.data(), end, parsed);
    if (digits.empty() || ec != std::errc() || ptr != end || digits.front() == '-' ||
        digits.front() == '+') {
        problems.push_back({"download_limit", "download_limit_format",
                            "must be a whole number, or empty for no limit"});
        return;
    }
    limit = parsed;
}

}  // namespace es::ui
