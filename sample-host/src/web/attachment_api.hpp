// Downloading an attachment (streamed from disk with sendfile, constant memory whatever the size)
// and deleting one, which tells the plugins.
#pragma once

#include "app/dossier_manager.hpp"
#include "web/router.hpp"

namespace host {

class AttachmentApi {
  public:
    static void install(Router& router, DossierManager& dm);
};

}  // namespace host
