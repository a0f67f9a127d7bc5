// Sign in, sign out, who am I, and the user's language.
#pragma once

#include "app/dossier_manager.hpp"
#include "web/router.hpp"

namespace host {

class AuthApi {
  public:
    static void install(Router& router, DossierManager& dm);
};

}  // namespace host
