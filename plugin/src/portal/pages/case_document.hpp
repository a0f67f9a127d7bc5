// The printable document inside "download all": the visible details and journal entries as one
// self-contained HTML file (styles inline, no external resource), laid out for printing.
#pragma once

#include <string>

#include "portal/case_view.hpp"
#include "portal/pages/page_frame.hpp"

namespace es::portal::pages {

std::string case_document(const PageFrame& frame, const CaseView& view);

}  // namespace es::portal::pages
