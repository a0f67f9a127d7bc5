// Sign in, sign out, who am I, and the user's language.
#pragma once

#include "app/DossierManager.hpp"
#include "web/Router.hpp"

namespace host {

class AuthApi {
  public:
    static void install(Router& router, DossierManager& dm);
};

}  // namespace host
