// The frame every portal page shares: language, organisation, expiry, the preview banner and the
// language switch. Pages render only their main part and hand it to render_page().
#pragma once

#include <string>

#include "domain/language.hpp"
#include "domain/timestamp.hpp"
#include "text/time_text.hpp"

namespace es::portal::pages {

struct PageFrame {
    domain::Language language = domain::Language::En;
    std::string time_zone{text::kDefaultTimeZone};  // the organisation's clock
    std::string organisation_name;
    domain::Timestamp expires_at{};
    bool show_expiry = true;
    bool preview = false;
    std::string preview_of;    // preview only: whose link it is (link_label), named in the banner
    bool owner_visit = false;  // the link opened in a browser of the owner's organisation
    std::string base_path;     // "/s/<token>" or "/preview/<id>"; forms post below it
    std::string csrf;          // empty: no forms (no language switch)
};

// A complete HTML document; `main_html` must already be escaped.
std::string render_page(const PageFrame& frame, const std::string& heading,
                        const std::string& main_html);

// A time as the recipient reads it, on the organisation's clock with the zone named (the recipient
// may be elsewhere): "26.12.2026, 03:35 MEZ" / "26 Dec 2026, 03:35 CET".
std::string time_text(const PageFrame& frame, domain::Timestamp t);
// The same for a time from the host (RFC 3339 UTC, a journal entry's date); the host's text as it
// is when it cannot be read.
std::string host_time_text(const PageFrame& frame, const std::string& rfc3339);

// "Shared by <strong>Organisation</strong>": who shares the link, as the page header and the
// printable case document say it.
std::string shared_by_html(const PageFrame& frame);

// The hidden CSRF input every form carries.
std::string csrf_input(const std::string& csrf);

}  // namespace es::portal::pages
