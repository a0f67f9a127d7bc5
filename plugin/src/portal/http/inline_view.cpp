#include "portal/http/inline_view.hpp"

#include <array>

namespace es::portal::http {

bool viewable_inline(std::string_view served_type) {
    static constexpr std::array<std::string_view, 5> kViewable = {
        "application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"};
    for (auto t : kViewable) {
        if (t == served_type) {
            return true;
        }
    }
    return false;
}

}  // namespace es::portal::http
