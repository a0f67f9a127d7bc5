#include "portal/pages/print_page.hpp"

#include "portal/pages/case_sections.hpp"
#include "portal/pages/html.hpp"
#include "portal/pages/texts.hpp"

namespace es::portal::pages {

std::string print_page(const PageFrame& frame, const CaseView& view) {
    const Texts& t = texts(frame.language);
    std::string m = "<p class=\"screen-only print-note\">" + escape(t.print_note) + " <a href=\"" +
                    escape(frame.base_path) + "\">" + escape(t.print_back) + "</a></p>\n";
    m += case_line(frame, view);
    if (view.fields.empty() && view.journal.empty() && view.attachments.empty()) {
        m += "<p>" + escape(t.nothing_shared) + "</p>\n";
    }
    m += details_section(frame, view, false);
    m += journal_section(frame, view, false);
    if (!view.attachments.empty()) {
        m += "<section aria-labelledby=\"att\"><h2 id=\"att\">" + escape(t.attachments) +
             "</h2>\n<ul class=\"files printed\">\n";
        for (const auto& a : view.attachments) {
            m += "<li>" + escape(a.shown_name()) + " <span class=\"size\">" +
                 escape(human_size(a.size, frame.language)) + "</span></li>\n";
        }
        m += "</ul>\n</section>\n";
    }
    return render_page(frame, t.title, m);
}

}  // namespace es::portal::pages
