// The content of a share as the recipient (or the owner in preview) sees it.
#pragma once

#include <string>

#include "portal/case_view.hpp"
#include "portal/pages/page_frame.hpp"

namespace es::portal::pages {

// In preview (frame.preview) every item gets a "Hide" button posting to <base>/hide.
std::string share_page(const PageFrame& frame, const CaseView& view);

// An item id as one URL path segment (percent-encoded).
std::string path_segment(const std::string& id);

}  // namespace es::portal::pages
