#include "ui/shares_column.hpp"

#include <string>

#include "text/time_text.hpp"

namespace es::ui {

JsonArray shares_column(const text::TimeReader& reader,
                        const std::vector<domain::CaseShareSummary>& summaries) {
    const Language lang = reader.language;
    JsonArray cells = array();
    for (const auto& s : summaries) {
        if (s.active_count == 0 || !s.next_expiry) {
            cells->add(Poco::Dynamic::Var());
            continue;
        }
        const std::string tip = fill(count_text(lang, "column.tooltip", s.active_count), "date",
                                     text::date_text(*s.next_expiry, reader));
        cells->add(element(
            {{"icon", "link"}, {"tooltip", tip}, {"text", std::to_string(s.active_count)}}));
    }
    return cells;
}

JsonArray empty_shares_column(std::size_t count) {
    JsonArray cells = array();
    for (std::size_t i = 0; i < count; ++i) {
        cells->add(Poco::Dynamic::Var());
    }
    return cells;
}

}  // namespace es::ui
