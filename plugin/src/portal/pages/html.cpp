#include "portal/pages/html.hpp"

#include "text/html_escape.hpp"

namespace es::portal::pages {

std::string escape(std::string_view text) {
    return text::html_escape(text);
}

}  // namespace es::portal::pages
