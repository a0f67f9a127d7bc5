// The frame every portal page shares: language, organisation, expiry, the preview banner and the
// language switch. Pages render only their main part and hand it to render_page().
#pragma once

#include <string>

#include "domain/timestamp.hpp"
#include "portal/language.hpp"

namespace es::portal::pages {

struct PageFrame {
    Language language = Language::En;
    std::string organisation_name;
    domain::Timestamp expires_at{};
    bool show_expiry = true;
    bool preview = false;
    bool owner_visit = false;  // the link opened in a browser of the owner's organisation
    std::string base_path;     // "/s/<token>" or "/p"; forms post below it
    std::string csrf;          // empty: no forms (no language switch)
};

// A complete HTML document; `main_html` must already be escaped.
std::string render_page(const PageFrame& frame, const std::string& heading,
                        const std::string& main_html);

// "23.11.2026 13:27 UTC" / "2026-11-23 13:27 UTC".
std::string format_time(domain::Timestamp t, Language language);

// The hidden CSRF input every form carries.
std::string csrf_input(const std::string& csrf);

}  // namespace es::portal::pages
