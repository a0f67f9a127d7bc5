// The portal's only stylesheet, served from /assets/portal.css (the CSP forbids inline styles).
// Responsive, keyboard-visible focus, and a print layout.
#pragma once

#include <string>

namespace es::portal::pages {

const std::string& stylesheet();

}  // namespace es::portal::pages
