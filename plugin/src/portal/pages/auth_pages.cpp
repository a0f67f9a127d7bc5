#include "portal/pages/auth_pages.hpp"

#include "portal/pages/html.hpp"
#include "portal/pages/texts.hpp"

namespace es::portal::pages {
namespace {

// The error's id, for the field it is about: a screen reader says the field is wrong and why
// when it gets there (the alert alone is said once, as the page loads).
constexpr const char* kErrorId = "form-error";

std::string error_block(const std::string& error) {
    if (error.empty()) {
        return {};
    }
    return std::string("<p class=\"error\" role=\"alert\" id=\"") + kErrorId + "\">" +
           escape(error) + "</p>\n";
}

std::string invalid_if(const std::string& error) {
    if (error.empty()) {
        return {};
    }
    return std::string(" aria-invalid=\"true\" aria-describedby=\"") + kErrorId + "\"";
}

}  // namespace

std::string password_page(const PageFrame& frame, const std::string& error) {
    const Texts& t = texts(frame.language);
    std::string m = error_block(error);
    m += "<form method=\"post\" action=\"" + escape(frame.base_path) + "/password\">";
    m += csrf_input(frame.csrf);
    m += "<label for=\"password\">" + escape(t.password_label) + "</label>";
    m += "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"off\" "
         "required autofocus" +
         invalid_if(error) + ">";
    m += "<button type=\"submit\">" + escape(t.password_submit) + "</button></form>\n";
    return render_page(frame, t.password_heading, m);
}

std::string code_page(const PageFrame& frame, const std::string& masked_destination, bool sent,
                      const std::string& error) {
    const Texts& t = texts(frame.language);
    std::string m = error_block(error);
    m += "<p>" + escape(sent ? t.code_sent : t.code_explain) + " <strong class=\"contact\">" +
         escape(masked_destination) + "</strong></p>\n";
    m += "<form method=\"post\" action=\"" + escape(frame.base_path) + "/code\">";
    m += csrf_input(frame.csrf);
    m += "<label for=\"code\">" + escape(t.code_label) + "</label>";
    m += "<input id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" "
         "pattern=\"[0-9]*\" maxlength=\"9\" required" +
         invalid_if(error);
    m += sent ? " autofocus>" : ">";
    m += "<button type=\"submit\">" + escape(t.code_submit) + "</button></form>\n";
    m += "<form method=\"post\" action=\"" + escape(frame.base_path) + "/code/send\">";
    m += csrf_input(frame.csrf);
    m +=
        "<button type=\"submit\" class=\"secondary\">" + escape(t.code_send) + "</button></form>\n";
    return render_page(frame, t.code_heading, m);
}

std::string message_page(const PageFrame& frame, const std::string& message) {
    const Texts& t = texts(frame.language);
    return render_page(frame, t.title,
                       "<p class=\"error\" role=\"alert\">" + escape(message) +
                           "</p>\n<p><a href=\"" + escape(frame.base_path) + "\">&larr;</a></p>\n");
}

}  // namespace es::portal::pages
