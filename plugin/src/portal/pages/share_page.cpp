#include "portal/pages/share_page.hpp"

#include <Poco/URI.h>

#include "portal/pages/html.hpp"
#include "portal/pages/texts.hpp"

namespace es::portal::pages {
namespace {

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

// Journal text keeps its line breaks, nothing else.
std::string paragraphs(const std::string& text) {
    std::string out = escape(text);
    std::string with_breaks;
    for (char c : out) {
        if (c == '\n') {
            with_breaks += "<br>";
        } else if (c != '\r') {
            with_breaks += c;
        }
    }
    return with_breaks;
}

}  // namespace

std::string path_segment(const std::string& id) {
    std::string out;
    Poco::URI::encode(id, "/?#%&+;=:@[]!$'()*,", out);
    return out;
}

std::string share_page(const PageFrame& frame, const CaseView& view) {
    const Texts& t = texts(frame.language);
    std::string m;
    if (!view.case_title.empty() || !view.case_number.empty()) {
        m += "<p class=\"case\">" + escape(t.case_label) + " " + escape(view.case_number) +
             (view.case_number.empty() || view.case_title.empty() ? "" : " – ") +
             escape(view.case_title) + "</p>\n";
    }
    const bool nothing = view.fields.empty() && view.journal.empty() && view.attachments.empty();
    if (nothing) {
        m += "<p>" + escape(t.nothing_shared) + "</p>\n";
    }
    if (!view.attachments.empty()) {
        m += "<section aria-labelledby=\"att\"><h2 id=\"att\">" + escape(t.attachments) +
             "</h2>\n<ul class=\"files\">\n";
        for (const auto& a : view.attachments) {
            m += "<li><a download href=\"" + escape(frame.base_path) + "/files/" +
                 escape(path_segment(a.id)) + "\">" + escape(a.name) +
                 "</a> <span class=\"size\">" + escape(human_size(a.size, frame.language)) +
                 "</span>" + hide_button(frame, "attachments", a.id) + "</li>\n";
        }
        m += "</ul>\n<p><a class=\"button\" download href=\"" + escape(frame.base_path) +
             "/all.zip\">" + escape(t.download_all) + "</a></p>\n<p class=\"hint\">" +
             escape(t.print_hint) + "</p>\n</section>\n";
    }
    if (!view.fields.empty()) {
        m += "<section aria-labelledby=\"det\"><h2 id=\"det\">" + escape(t.details) +
             "</h2>\n<dl>\n";
        for (const auto& f : view.fields) {
            m += "<dt>" + escape(f.label) + "</dt><dd>" + escape(f.value) +
                 hide_button(frame, "details", f.id) + "</dd>\n";
        }
        m += "</dl>\n</section>\n";
    }
    if (!view.journal.empty()) {
        m += "<section aria-labelledby=\"jou\"><h2 id=\"jou\">" + escape(t.journal) + "</h2>\n";
        for (const auto& e : view.journal) {
            m += "<article><p class=\"meta\"><time datetime=\"" + escape(e.date) + "\">" +
                 escape(host_time_text(frame, e.date)) + "</time> · " + escape(e.author) +
                 "</p><p>" + paragraphs(e.text) + "</p>" + hide_button(frame, "journal", e.id) +
                 "</article>\n";
        }
        m += "</section>\n";
    }
    if (nothing && frame.preview) {
        m += "";
    }
    return render_page(frame, t.title, m);
}

}  // namespace es::portal::pages
