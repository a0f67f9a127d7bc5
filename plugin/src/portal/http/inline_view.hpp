// Which files the portal shows in the browser (the "view" route) and how they are sent so that no
// content can run script on the portal's origin. Only types whose browser viewers run no content
// script are on the list: PDF (Chromium's and Firefox's viewers are sandboxed from the page) and
// raster images. SVG, HTML, XML and text are not: a browser runs script in them, or sniffs them
// into something that does. Everything else is a download (`attachment`), as before.
#pragma once

#include <string_view>

namespace es::portal::http {

// application/pdf, image/png, image/jpeg, image/gif, image/webp; `served_type` is the result of
// served_media_type (the host's type only when the file's name agrees with it), compared exactly.
bool viewable_inline(std::string_view served_type);

// The Content-Security-Policy of a file shown inline, in place of the pages' policy: `sandbox`
// gives the document an opaque origin with scripts, forms, popups and plugins off, so even a file
// that a browser did render as HTML or SVG could neither run script nor reach the portal's
// cookies; `default-src 'none'` lets it load nothing. Checked in headless Chromium
// (e2e.recipient_page): a PDF still renders in the built-in viewer and an image shows under this
// policy, with X-Frame-Options DENY and nosniff.
inline constexpr const char* kInlineFilePolicy =
    "sandbox; default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

}  // namespace es::portal::http
