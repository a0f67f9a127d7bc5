// The case overview (with plugin columns), a case's details, journal and attachments, closing a
// case, case types and the user's column choice.
#pragma once

#include "app/dossier_manager.hpp"
#include "web/router.hpp"

namespace host {

class CaseApi {
  public:
    static void install(Router& router, DossierManager& dm);
};

}  // namespace host
