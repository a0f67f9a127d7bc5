#include "portal/pages/refusal_pages.hpp"

namespace es::portal::pages {
namespace {

std::string page(const std::string& title, const std::string& german, const std::string& english) {
    return "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"robots\" content=\"noindex, nofollow\">\n<title>" +
           title +
           "</title>\n<link rel=\"stylesheet\" href=\"/assets/portal.css\">\n</head>\n<body>\n"
           "<main>\n<p>" +
           german + "</p>\n<p lang=\"en\">" + english + "</p>\n</main>\n</body>\n</html>\n";
}

}  // namespace

const std::string& bad_request_page() {
    static const std::string kPage =
        page("Ungültige Anfrage / Bad request",
             "Passwörter und Codes gehören nie in die Adresse. Bitte öffnen Sie den Link so, wie "
             "Sie ihn erhalten haben, und geben Sie sie im Formular ein.",
             "Passwords and codes never belong in the address. Please open the link as you "
             "received it and type them into the form.");
    return kPage;
}

const std::string& too_many_requests_page() {
    static const std::string kPage =
        page("Zu viele Anfragen / Too many requests",
             "Von Ihrer Adresse kamen zu viele Anfragen für ungültige Links. Bitte warten Sie "
             "einen Moment und versuchen Sie es dann noch einmal.",
             "Too many requests for invalid links came from your address. Please wait a moment "
             "and try again.");
    return kPage;
}

const std::string& unavailable_page() {
    static const std::string kPage =
        page("Vorübergehend nicht verfügbar / Temporarily unavailable",
             "Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es später noch "
             "einmal.",
             "The service is temporarily unavailable. Please try again later.");
    return kPage;
}

}  // namespace es::portal::pages
