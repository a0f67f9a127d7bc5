// GET /assets/portal.css — the only asset; the CSP allows styles from 'self' and nothing inline.
#pragma once

#include "portal/exchange.hpp"

namespace es::portal::routes {

class StylesheetRoute {
  public:
    void handle(Exchange& ex);
};

}  // namespace es::portal::routes
