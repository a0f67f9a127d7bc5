// The case-list column "External Sharing": per case, how many links are active and when the next
// one ends. Hosts ask for a whole page of cases at once, so the column is built as one array.
#pragma once

#include <cstddef>
#include <vector>

#include "domain/case_share_summary.hpp"
#include "text/time_text.hpp"
#include "ui/texts.hpp"
#include "ui/view_json.hpp"

namespace es::ui {

// One cell per summary, in their order: null for a case without an active link, else
// {"icon":"link","tooltip":…,"text":<count>}.
JsonArray shares_column(const text::TimeReader& reader,
                        const std::vector<domain::CaseShareSummary>& summaries);

// `count` null cells: the column of an organisation whose module is not active.
JsonArray empty_shares_column(std::size_t count);

}  // namespace es::ui
