#include "portal/pages/preview_pages.hpp"

#include "portal/pages/html.hpp"
#include "portal/pages/texts.hpp"

namespace es::portal::pages {

std::string preview_form_refused_page(const PageFrame& frame) {
    const Texts& t = texts(frame.language);
    return render_page(frame, t.title,
                       "<p class=\"error\" role=\"alert\">" + escape(t.preview_form_refused) +
                           "</p>\n<p><a class=\"button\" href=\"" + escape(frame.base_path) +
                           "\">" + escape(t.preview_back) + " " + escape(frame.preview_of) +
                           "</a></p>\n");
}

std::string preview_ended_page(const PageFrame& frame, bool revoked) {
    const Texts& t = texts(frame.language);
    // Not frame.preview: its banner ("this is what the recipient sees") would no longer be true.
    PageFrame f = frame;
    f.preview = false;
    f.show_expiry = false;
    return render_page(f, t.title,
                       "<p class=\"preview ended\" role=\"status\"><strong class=\"preview-of\">" +
                           escape(t.preview_of) + " " + escape(frame.preview_of) +
                           "</strong></p>\n<p class=\"error\" role=\"alert\">" +
                           escape(revoked ? t.preview_link_revoked : t.preview_link_expired) +
                           "</p>\n");
}

}  // namespace es::portal::pages
