// Pages of the owner's preview that are not the recipient's pages: the answer to a form that does
// not fit its preview, and the end of a preview whose link is no longer live. Both name the link
// (frame.preview_of), so the owner knows which of several open previews speaks.
#pragma once

#include <string>

#include "portal/pages/page_frame.hpp"

namespace es::portal::pages {

// Nothing was changed; the way back is the preview of this link (frame.base_path).
std::string preview_form_refused_page(const PageFrame& frame);

// The link was revoked (or else has expired); the preview has ended.
std::string preview_ended_page(const PageFrame& frame, bool revoked);

}  // namespace es::portal::pages
