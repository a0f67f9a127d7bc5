#include "portal/http/media_type_table.hpp"

#include "text/ascii_lower.hpp"

namespace es::portal::http {

MediaTypeTable::MediaTypeTable(std::string_view text) {
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (line.empty() || line.front() == '#') {
            continue;
        }
        std::string type;
        for (std::size_t pos = 0; pos < line.size();) {
            const auto start = line.find_first_not_of(" \t\r", pos);
            if (start == std::string_view::npos) {
                break;
            }
            const auto stop = line.find_first_of(" \t\r", start);
            const std::string word = text::ascii_lower(
                line.substr(start, stop == std::string_view::npos ? stop : stop - start));
            if (type.empty()) {
                type = word;
            } else {
                by_extension_[word].insert(type);
            }
            pos = stop == std::string_view::npos ? line.size() : stop;
        }
    }
}

const MediaTypeTable& MediaTypeTable::debian() {
    static const MediaTypeTable table(kDebianMimeTypes);
    return table;
}

const std::set<std::string>& MediaTypeTable::types_of(std::string_view extension) const {
    static const std::set<std::string> kNone;
    const auto it = by_extension_.find(text::ascii_lower(extension));
    return it == by_extension_.end() ? kNone : it->second;
}

}  // namespace es::portal::http
