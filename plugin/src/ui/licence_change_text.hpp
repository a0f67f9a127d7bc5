// One line of the admin page's list of changes, in words: what happened ("Free trial started")
// and its particulars ("Plan PRO, 25 seats, valid until 06.01.2027"). The audit trail stores an
// action id and a JSON object of facts; neither is shown as such.
#pragma once

#include <functional>
#include <string>

#include "text/time_text.hpp"
#include "ui/texts.hpp"

namespace es::ui {

struct ChangeWords {
    std::string what;
    std::string details;
};

// `case_type_name` names a case type id in the reader's language ("" when it has none left).
ChangeWords licence_change_words(
    const text::TimeReader& reader, const std::string& action, const std::string& details_json,
    const std::function<std::string(const std::string&)>& case_type_name);

}  // namespace es::ui
