// What plugins add to the UI, reached through the API: contributions (organisation-wide or for a
// case), actions, panels and column cells. The host passes view models through without knowing
// what they mean; it only checks that they are JSON of the promised shape.
#pragma once

#include "app/dossier_manager.hpp"
#include "web/router.hpp"

namespace host {

class PluginApi {
  public:
    static void install(Router& router, DossierManager& dm);
};

}  // namespace host
