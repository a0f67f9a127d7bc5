#include "portal/pages/case_document.hpp"

#include "portal/pages/html.hpp"
#include "portal/pages/texts.hpp"

namespace es::portal::pages {

std::string case_document(const PageFrame& frame, const CaseView& view) {
    const Texts& t = texts(frame.language);
    std::string h = "<!DOCTYPE html>\n<html lang=\"";
    h += t.lang;
    h += "\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
    h += escape(t.title);
    h += "</title>\n<style>\n"
         "body{font-family:Georgia,'Times New Roman',serif;max-width:44rem;margin:2rem auto;"
         "padding:0 1rem;line-height:1.45;color:#000}\n"
         "h1{font-size:1.5rem}h2{font-size:1.15rem;border-bottom:1px solid #000;margin-top:2rem}\n"
         "dl{display:grid;grid-template-columns:12rem 1fr;gap:.2rem 1rem}dt{font-weight:bold}"
         "dd{margin:0}\n"
         "article{break-inside:avoid;border-bottom:1px solid #bbb;padding:.4rem 0}"
         ".meta{color:#444;font-size:.9rem}\n"
         "table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.2rem .4rem;"
         "border-bottom:1px solid #ccc}\n"
         "@page{margin:2cm}@media print{body{margin:0;max-width:none}}\n"
         "</style>\n</head>\n<body>\n<h1>";
    h += escape(t.title);
    h += "</h1>\n<p>";
    h += shared_by_html(frame);
    h += "<br>";
    h += escape(t.valid_until);
    h += " ";
    h += escape(time_text(frame, frame.expires_at));
    h += "</p>\n";
    if (!view.case_number.empty() || !view.case_title.empty()) {
        h += "<p>" + escape(t.case_label) + " " + escape(view.case_number) + " " +
             escape(view.case_title) + "</p>\n";
    }
    if (!view.fields.empty()) {
        h += "<h2>" + escape(t.details) + "</h2>\n<dl>\n";
        for (const auto& f : view.fields) {
            h += "<dt>" + escape(f.label) + "</dt><dd>" + escape(f.value) + "</dd>\n";
        }
        h += "</dl>\n";
    }
    if (!view.journal.empty()) {
        h += "<h2>" + escape(t.journal) + "</h2>\n";
        for (const auto& e : view.journal) {
            std::string text = escape(e.text);
            std::string with_breaks;
            for (char c : text) {
                with_breaks += c == '\n' ? std::string("<br>") : std::string(1, c);
            }
            h += "<article><p class=\"meta\">" + escape(host_time_text(frame, e.date)) + " · " +
                 escape(e.author) + "</p><p>" + with_breaks + "</p></article>\n";
        }
    }
    if (!view.attachments.empty()) {
        h += "<h2>" + escape(t.attachments) + "</h2>\n<table><tr><th>" + escape(t.file_name) +
             "</th><th>" + escape(t.file_size) + "</th></tr>\n";
        for (const auto& a : view.attachments) {
            h += "<tr><td>" + escape(a.shown_name()) + "</td><td>" +
                 escape(human_size(a.size, frame.language)) + "</td></tr>\n";
        }
        h += "</table>\n";
    }
    h += "</body>\n</html>\n";
    return h;
}

}  // namespace es::portal::pages
