#include "portal/pages/case_sections.hpp"

#include "portal/pages/html.hpp"
#include "portal/pages/texts.hpp"
#include "text/html_escape.hpp"

namespace es::portal::pages {

std::string hide_button(const PageFrame& frame, const char* section, const std::string& id) {
    if (!frame.preview) {
        return {};
    }
    const Texts& t = texts(frame.language);
    return "<form class=\"hide\" method=\"post\" action=\"" + escape(frame.base_path) + "/hide\">" +
           csrf_input(frame.csrf) + "<input type=\"hidden\" name=\"section\" value=\"" + section +
           "\"><input type=\"hidden\" name=\"item\" value=\"" + escape(id) +
           "\"><button type=\"submit\" class=\"secondary\">" + escape(t.hide) + "</button></form>";
}

std::string case_line(const PageFrame& frame, const CaseView& view) {
    if (view.case_title.empty() && view.case_number.empty()) {
        return {};
    }
    return "<p class=\"case\">" + escape(texts(frame.language).case_label) + " " +
           escape(view.case_number) +
           (view.case_number.empty() || view.case_title.empty() ? "" : " – ") +
           escape(view.case_title) + "</p>\n";
}

std::string details_section(const PageFrame& frame, const CaseView& view, bool hide_buttons) {
    if (view.fields.empty()) {
        return {};
    }
    std::string m = "<section aria-labelledby=\"det\"><h2 id=\"det\">" +
                    escape(texts(frame.language).details) + "</h2>\n<dl>\n";
    for (const auto& f : view.fields) {
        m += "<dt>" + escape(f.label) + "</dt><dd>" + escape(f.value) +
             (hide_buttons ? hide_button(frame, "details", f.id) : "") + "</dd>\n";
    }
    return m + "</dl>\n</section>\n";
}

std::string journal_section(const PageFrame& frame, const CaseView& view, bool hide_buttons) {
    if (view.journal.empty()) {
        return {};
    }
    std::string m = "<section aria-labelledby=\"jou\"><h2 id=\"jou\">" +
                    escape(texts(frame.language).journal) + "</h2>\n";
    for (const auto& e : view.journal) {
        m += "<article><p class=\"meta\"><time datetime=\"" + escape(e.date) + "\">" +
             escape(host_time_text(frame, e.date)) + "</time> · " + escape(e.author) + "</p><p>" +
             text::html_escape_lines(e.text) + "</p>" +
             (hide_buttons ? hide_button(frame, "journal", e.id) : "") + "</article>\n";
    }
    return m + "</section>\n";
}

}  // namespace es::portal::pages
