// Reads a share's case from the host, once per request and only the parts the request shows, and
// keeps what the selection makes visible.
//
// Thread safety: stateless apart from the adapter reference; any thread.
// Errors: domain::Error from the host adapter propagates (the route answers with the generic
// error or unavailable page).
#pragma once

#include "domain/language.hpp"
#include "domain/selection.hpp"
#include "domain/share.hpp"
#include "host/host_adapter.hpp"
#include "portal/case_view.hpp"

namespace es::portal {

class CaseViewLoader {
  public:
    explicit CaseViewLoader(const host::HostAdapter& host) : host_(host) {}

    struct Parts {
        bool details = true;
        bool journal = true;
        bool attachments = true;
    };

    // One host call with a 1.1 host (one per part with a 1.0 host), for the parts asked for that
    // the share includes; none when it includes none of them.
    CaseView load(const domain::Share& share, const domain::Selection& selection,
                  domain::Language language, Parts parts) const;

    // Only the attachments (downloads need nothing else).
    CaseView load_attachments(const domain::Share& share,
                              const domain::Selection& selection) const {
        return load(share, selection, domain::Language::En, Parts{false, false, true});
    }

  private:
    const host::HostAdapter& host_;
};

}  // namespace es::portal
