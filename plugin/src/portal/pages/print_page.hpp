// The print view of a share (GET <base>/print): the case line, details, journal and the list of
// attached files (names and sizes), without forms, language switch or buttons, laid out for paper
// by the stylesheet's print rules. The portal runs no script (its CSP), so the page asks the
// visitor to use the browser's print command; that note and the way back are not printed.
#pragma once

#include <string>

#include "portal/case_view.hpp"
#include "portal/pages/page_frame.hpp"

namespace es::portal::pages {

std::string print_page(const PageFrame& frame, const CaseView& view);

}  // namespace es::portal::pages
