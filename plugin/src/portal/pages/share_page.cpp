#include "portal/pages/share_page.hpp"

#include <Poco/URI.h>

#include "portal/http/inline_view.hpp"
#include "portal/http/served_media_type.hpp"
#include "portal/pages/case_sections.hpp"
#include "portal/pages/file_icons.hpp"
#include "portal/pages/html.hpp"
#include "portal/pages/texts.hpp"

namespace es::portal::pages {
namespace {

// The page's main actions, first on the page: "Download all" is what most recipients came for;
// the print view is a quieter link beside it.
std::string actions(const PageFrame& frame, const CaseView& view) {
    const Texts& t = texts(frame.language);
    std::string m = "<p class=\"actions\">";
    if (!view.attachments.empty()) {
        m += "<a class=\"button primary\" download href=\"" + escape(frame.base_path) +
             "/all.zip\">" + escape(t.download_all) + "</a>";
    }
    m += "<a class=\"button secondary\" href=\"" + escape(frame.base_path) + "/print\">" +
         escape(t.print_view) + "</a></p>\n";
    return m;
}

std::string file_item(const PageFrame& frame, const VisibleAttachment& a) {
    const Texts& t = texts(frame.language);
    const std::string id = escape(path_segment(a.id));
    std::string li = "<li>" + file_icon(file_family(a.name, a.media_type)) +
                     "<span class=\"file\"><a download href=\"" + escape(frame.base_path) +
                     "/files/" + id + "\">" + escape(a.shown_name()) +
                     "</a> <span class=\"size\">" + escape(human_size(a.size, frame.language)) +
                     "</span>";
    // Offered only where the view route shows the file inline; elsewhere it would be a download.
    if (http::viewable_inline(http::served_media_type(a.name, a.media_type))) {
        li += " <a class=\"view\" href=\"" + escape(frame.base_path) + "/view/" + id + "\">" +
              escape(t.view_file) + "<span class=\"visually-hidden\">: " + escape(a.shown_name()) +
              "</span></a>";
    }
    return li + "</span>" + hide_button(frame, "attachments", a.id) + "</li>\n";
}

}  // namespace

std::string path_segment(const std::string& id) {
    std::string out;
    Poco::URI::encode(id, "/?#%&+;=:@[]!$'()*,", out);
    return out;
}

std::string share_page(const PageFrame& frame, const CaseView& view) {
    const Texts& t = texts(frame.language);
    std::string m = case_line(frame, view);
    if (view.fields.empty() && view.journal.empty() && view.attachments.empty()) {
        m += "<p>" + escape(t.nothing_shared) + "</p>\n";
        return render_page(frame, t.title, m);
    }
    m += actions(frame, view);
    if (!view.attachments.empty()) {
        m += "<section aria-labelledby=\"att\"><h2 id=\"att\">" + escape(t.attachments) +
             "</h2>\n<ul class=\"files\">\n";
        for (const auto& a : view.attachments) {
            m += file_item(frame, a);
        }
        m += "</ul>\n</section>\n";
    }
    m += details_section(frame, view, true);
    m += journal_section(frame, view, true);
    return render_page(frame, t.title, m);
}

}  // namespace es::portal::pages
