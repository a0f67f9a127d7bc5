#include "portal/pages/dead_link_page.hpp"

namespace es::portal::pages {

const std::string& dead_link_page() {
    static const std::string kPage =
        "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
        "<title>Link nicht verfügbar / Link not available</title>\n"
        "<link rel=\"stylesheet\" href=\"/assets/portal.css\">\n</head>\n<body>\n<main>\n"
        "<h1>Link nicht verfügbar</h1>\n"
        "<p>Dieser Link ist ungültig oder nicht mehr verfügbar. Bitte wenden Sie sich an die "
        "Person, die ihn Ihnen gesendet hat.</p>\n"
        "<h1 lang=\"en\">Link not available</h1>\n"
        "<p lang=\"en\">This link is invalid or no longer available. Please contact the person "
        "who sent it to you.</p>\n</main>\n</body>\n</html>\n";
    return kPage;
}

}  // namespace es::portal::pages
