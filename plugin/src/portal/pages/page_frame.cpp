#include "portal/pages/page_frame.hpp"

#include "portal/pages/html.hpp"
#include "portal/pages/texts.hpp"

namespace es::portal::pages {

std::string time_text(const PageFrame& frame, domain::Timestamp t) {
    return text::zoned_date_time_text(t, {frame.language, frame.time_zone});
}

std::string host_time_text(const PageFrame& frame, const std::string& rfc3339) {
    const auto t = text::parse_utc(rfc3339);
    return t ? time_text(frame, *t) : rfc3339;
}

std::string shared_by_html(const PageFrame& frame) {
    return escape(texts(frame.language).shared_by) + " <strong>" + escape(frame.organisation_name) +
           "</strong>";
}

std::string csrf_input(const std::string& csrf) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(csrf) + "\">";
}

std::string render_page(const PageFrame& frame, const std::string& heading,
                        const std::string& main_html) {
    const Texts& t = texts(frame.language);
    std::string h;
    h.reserve(main_html.size() + 2048);
    h += "<!DOCTYPE html>\n<html lang=\"";
    h += t.lang;
    h += "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"robots\" content=\"noindex, nofollow\">\n<title>";
    h += escape(heading);
    h += " – ";
    h += escape(frame.organisation_name);
    h += "</title>\n<link rel=\"stylesheet\" href=\"/assets/portal.css\">\n</head>\n<body>\n";
    if (frame.preview) {
        // Whose link: with previews of several links open, each tab says which one it shows.
        h += "<p class=\"preview\" role=\"status\"><strong class=\"preview-of\">";
        h += escape(t.preview_of);
        h += " ";
        h += escape(frame.preview_of);
        h += "</strong> – ";
        h += escape(t.preview_banner);
        h += "</p>\n";
    } else if (frame.owner_visit) {
        h += "<p class=\"preview owner-visit\" role=\"status\">";
        h += escape(t.owner_visit_banner);
        h += "</p>\n";
    }
    h += "<header>\n<p class=\"org\">";
    h += shared_by_html(frame);
    h += "</p>\n";
    if (frame.show_expiry) {
        h += "<p class=\"expiry\">";
        h += escape(t.valid_until);
        h += " <time>";
        h += escape(time_text(frame, frame.expires_at));
        h += "</time></p>\n";
    }
    if (!frame.csrf.empty()) {
        h += "<form class=\"lang\" method=\"post\" action=\"";
        h += escape(frame.base_path);
        h += "/language\">";
        h += csrf_input(frame.csrf);
        h += "<input type=\"hidden\" name=\"lang\" value=\"";
        h += t.other_lang;
        h += "\"><button type=\"submit\" lang=\"";
        h += t.other_lang;
        h += "\">";
        h += escape(t.switch_language);
        h += "</button></form>\n";
    }
    h += "</header>\n<main>\n<h1>";
    h += escape(heading);
    h += "</h1>\n";
    h += main_html;
    h += "</main>\n</body>\n</html>\n";
    return h;
}

}  // namespace es::portal::pages
