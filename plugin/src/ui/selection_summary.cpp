#include "ui/selection_summary.hpp"

#include "ui/view_json.hpp"

namespace es::ui {

std::string group_summary_template(Language language, const std::string& group, long long total) {
    return count_text(language, "dialog.summary." + group, total);
}

std::string selection_summary(Language language, const std::vector<GroupCount>& groups) {
    std::string out;
    for (const auto& g : groups) {
        if (g.total <= 0) {
            continue;
        }
        out += (out.empty() ? "" : ", ") + fill(group_summary_template(language, g.group, g.total),
                                                "checked", std::to_string(g.checked));
    }
    return out;
}

}  // namespace es::ui
