// The dev mailbox listing; answers 404 unless the host config names a spool folder.
#pragma once

#include "app/dossier_manager.hpp"
#include "web/router.hpp"

namespace host {

class MailboxApi {
  public:
    static void install(Router& router, DossierManager& dm);
};

}  // namespace host
