// Asks the host for a share's case and keeps what the selection makes visible.
//
// Thread safety: stateless apart from the host reference; any thread.
// Errors: dm::Error from the host propagates (the route answers with a generic error page).
#pragma once

#include <dm/cpp/host_services.hpp>

#include "domain/selection.hpp"
#include "domain/share.hpp"
#include "portal/case_view.hpp"
#include "portal/language.hpp"

namespace es::portal {

class CaseViewLoader {
  public:
    explicit CaseViewLoader(const dm::HostServices& host) : host_(host) {}

    struct Parts {
        bool details = true;
        bool journal = true;
        bool attachments = true;
    };

    CaseView load(const domain::Share& share, const domain::Selection& selection, Language language,
                  Parts parts) const;

    // Only the attachments (downloads need nothing else).
    CaseView load_attachments(const domain::Share& share,
                              const domain::Selection& selection) const {
        return load(share, selection, Language::En, Parts{false, false, true});
    }

  private:
    const dm::HostServices& host_;
};

}  // namespace es::portal
