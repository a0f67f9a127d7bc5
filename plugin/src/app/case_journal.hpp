// Writes what External Sharing does with a case into the case's own journal (dm.cases 1.1
// `add_journal_entry`), so that the case file itself shows every disclosure: a link made (to whom,
// with which protection, showing what, until when), changed (expiry, download limit,
// protection), revoked, and first opened by its recipient. Entries are written in the
// organisation's language, only while the organisation has them on (store::JournalPreferences, on
// by default); the caseworker's entries are written as theirs, the first opening as the plugin's.
// Every entry is internal (for the organisation's staff): it names recipients.
//
// A host of ABI 1.0 cannot add journal entries: then nothing is written (the module says so once
// in the log, at start, not at every change). A write that fails is logged and forgotten: the
// change it records is committed and stays, and the host's call is not idempotent, so an entry is
// written at most once and never retried. The first opening is claimed in the database first
// (ShareRepository::mark_first_opening_recorded), so concurrent requests and other plugin
// instances record it once; it is claimed also while entries are off, so that turning them on
// later never records a later visit as the first.
//
// Thread safety: any thread; no state of its own.
#pragma once

#include <string>
#include <vector>

#include "app/share_journal.hpp"
#include "config/settings.hpp"
#include "host/host_adapter.hpp"
#include "portal/first_openings.hpp"
#include "store/store.hpp"
#include "text/time_text.hpp"

namespace es::app {

class CaseJournal final : public ShareJournal, public portal::FirstOpenings {
  public:
    // Both must outlive the journal.
    // Dates in the entries are on the organisation's clock (`organisations`' time zones).
    CaseJournal(const host::HostAdapter& host, store::Store& store,
                config::OrganisationSettings organisations = {});

    void created(const domain::Actor& actor, const domain::Share& share,
                 const domain::Selection& selection,
                 const domain::CaseSnapshot& snapshot) noexcept override;
    void changed(const domain::Actor& actor, const domain::Share& share,
                 Change what) noexcept override;
    void revoked(const domain::Actor& actor,
                 const std::vector<domain::Share>& shares) noexcept override;
    void opened(const domain::Share& share) noexcept override;

  private:
    template <typename Compose>
    void write(const std::string& organisation_id, const std::string& user_id,
               const std::string& case_id, Compose&& compose) noexcept;

    const host::HostAdapter& host_;
    store::Store& store_;
    config::OrganisationSettings organisations_;
};

}  // namespace es::app
