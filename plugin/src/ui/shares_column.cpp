#include "ui/shares_column.hpp"

#include <string>

#include "ui/dates.hpp"

namespace es::ui {

JsonArray shares_column(Language lang, const std::vector<domain::CaseShareSummary>& summaries) {
    JsonArray cells = array();
    for (const auto& s : summaries) {
        if (s.active_count == 0 || !s.next_expiry) {
            cells->add(Poco::Dynamic::Var());
            continue;
        }
        const std::string tip = fill(count_text(lang, "column.tooltip", s.active_count), "date",
                                     format_date(*s.next_expiry));
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
