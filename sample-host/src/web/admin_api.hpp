// The organisation administrator's page: loaded modules and their organisation-scope panels.
#pragma once

#include "app/dossier_manager.hpp"
#include "web/router.hpp"

namespace host {

class AdminApi {
  public:
    static void install(Router& router, DossierManager& dm);
};

}  // namespace host
