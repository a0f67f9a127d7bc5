// The one line that says what a share dialog shares while its item list is folded away: "3 of 4
// attachments, 2 of 5 journal entries" / "3 von 4 Anhängen, 2 von 5 Journaleinträgen".
#pragma once

#include <string>
#include <vector>

#include "ui/texts.hpp"

namespace es::ui {

// How many of a group's items are ticked. `group` is the items field's group name ("details",
// "journal", "attachments").
struct GroupCount {
    std::string group;
    long long checked = 0;
    long long total = 0;
};

// A group's part of the summary with "{checked}" left for the host to fill in as the user ticks
// items: "{checked} of 4 attachments". The plural form follows the total ("of 1 attachment", "von
// 4 Anhängen"), which the dialog fixes, so the host needs no plural rules of its own.
std::string group_summary_template(Language language, const std::string& group, long long total);

// The whole line, groups without items left out; empty when no group has any.
std::string selection_summary(Language language, const std::vector<GroupCount>& groups);

}  // namespace es::ui
