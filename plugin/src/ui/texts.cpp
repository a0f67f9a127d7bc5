#include "ui/texts.hpp"

#include <map>
#include <utility>

namespace es::ui {

namespace {

struct Entry {
    const char* en;
    const char* de;
};

const std::map<std::string_view, Entry>& table() {
    static const std::map<std::string_view, Entry> texts = {
        {"action.share", {"Share with external person", "Fall mit externer Person teilen"}},
        {"panel.title", {"External Sharing", "Externes Teilen"}},
        {"admin.title", {"External Sharing", "Externes Teilen"}},
        {"column.title", {"External Sharing", "Externes Teilen"}},
    };
    return texts;
}

}  // namespace

Language language_of(std::string_view locale) noexcept {
    if (locale.size() >= 2 && (locale[0] == 'd' || locale[0] == 'D') &&
        (locale[1] == 'e' || locale[1] == 'E') &&
        (locale.size() == 2 || locale[2] == '-' || locale[2] == '_')) {
        return Language::German;
    }
    return Language::English;
}

std::string text(Language language, std::string_view key) {
    auto it = table().find(key);
    if (it == table().end()) {
        return std::string(key);
    }
    return language == Language::German ? it->second.de : it->second.en;
}

}  // namespace es::ui
