// The parts of a share's content that the recipient's page and its print view both show: the case
// line, the details and the journal. With `hide_buttons` (the owner's preview of the page), each
// item gets a "Hide" form posting to <base>/hide; the print view never has them.
#pragma once

#include <string>

#include "portal/case_view.hpp"
#include "portal/pages/page_frame.hpp"

namespace es::portal::pages {

// "Case 2024-17 – Title", or nothing when neither is shared.
std::string case_line(const PageFrame& frame, const CaseView& view);
std::string details_section(const PageFrame& frame, const CaseView& view, bool hide_buttons);
std::string journal_section(const PageFrame& frame, const CaseView& view, bool hide_buttons);

// The owner's "Hide" form for one item of `section` in preview; nothing otherwise.
std::string hide_button(const PageFrame& frame, const char* section, const std::string& id);

}  // namespace es::portal::pages
