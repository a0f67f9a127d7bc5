// What the share service reports to the case's own journal (app::CaseJournal writes it through the
// host): a link made, changed or revoked by a caseworker. Called after the change is committed;
// never throws, because a journal that cannot be written must neither undo nor fail the change.
#pragma once

#include <vector>

#include "domain/actor.hpp"
#include "domain/case_snapshot.hpp"
#include "domain/selection.hpp"
#include "domain/share.hpp"

namespace es::app {

class ShareJournal {
  public:
    enum class Change { Expiry, DownloadLimit, Protection };

    virtual ~ShareJournal() = default;

    // `snapshot` is the case the share was made from, for the names of what it shows.
    virtual void created(const domain::Actor& actor, const domain::Share& share,
                         const domain::Selection& selection,
                         const domain::CaseSnapshot& snapshot) noexcept = 0;
    // `share` as it is after the change.
    virtual void changed(const domain::Actor& actor, const domain::Share& share,
                         Change what) noexcept = 0;
    // Shares of one case revoked by one act of `actor`.
    virtual void revoked(const domain::Actor& actor,
                         const std::vector<domain::Share>& shares) noexcept = 0;
};

}  // namespace es::app
