#include "app/case_journal.hpp"

#include "app/journal_entry_text.hpp"
#include "store/journal_preferences.hpp"
#include "text/error_text.hpp"

namespace es::app {

CaseJournal::CaseJournal(const host::HostAdapter& host, store::Store& store,
                         config::OrganisationSettings organisations)
    : host_(host), store_(store), organisations_(std::move(organisations)) {}

template <typename Compose>
void CaseJournal::write(const std::string& organisation_id, const std::string& user_id,
                        const std::string& case_id, Compose&& compose) noexcept {
    if (!host_.writes_journal_entries()) {
        return;
    }
    try {
        const store::JournalPreferences prefs =
            store::journal_preferences(store_.organisation_settings(), organisation_id);
        if (!prefs.enabled) {
            return;
        }
        const domain::Actor author{organisation_id, user_id, prefs.language};
        // Internal: the entries name other recipients, and the share dialog leaves internal entries
        // unticked, so a later link does not pass them on unless a caseworker chooses to.
        const text::TimeReader reader{prefs.language, organisations_.time_zone_of(organisation_id)};
        host_.add_journal_entry(author, case_id, compose(reader),
                                /*internal=*/true);
    } catch (const std::exception& e) {
        host_.log(host::LogLevel::Warning, "journal entry for case " + case_id + " (organisation " +
                                               organisation_id +
                                               ") not written: " + text::error_text(e));
    } catch (...) {
        host_.log(host::LogLevel::Warning, "journal entry for case " + case_id + " not written");
    }
}

void CaseJournal::created(const domain::Actor& actor, const domain::Share& share,
                          const domain::Selection& selection,
                          const domain::CaseSnapshot& snapshot) noexcept {
    write(actor.organisation_id, actor.user_id, share.case_id, [&](const text::TimeReader& reader) {
        return created_entry(reader, share, selection, snapshot);
    });
}

void CaseJournal::changed(const domain::Actor& actor, const domain::Share& share,
                          Change what) noexcept {
    write(actor.organisation_id, actor.user_id, share.case_id,
          [&](const text::TimeReader& reader) { return changed_entry(reader, share, what); });
}

void CaseJournal::revoked(const domain::Actor& actor,
                          const std::vector<domain::Share>& shares) noexcept {
    if (shares.empty()) {
        return;
    }
    write(actor.organisation_id, actor.user_id, shares.front().case_id,
          [&](const text::TimeReader& reader) { return revoked_entry(reader.language, shares); });
}

void CaseJournal::opened(const domain::Share& share) noexcept {
    if (share.first_opening_recorded) {
        return;  // every request after the first costs nothing more
    }
    try {
        if (!store_.shares().mark_first_opening_recorded(share.id)) {
            return;  // another request or instance claimed it
        }
    } catch (const std::exception& e) {
        // Unclaimed: the recipient's next request tries again.
        host_.log(host::LogLevel::Warning,
                  "first opening of share " + share.id + " not recorded: " + e.what());
        return;
    } catch (...) {
        return;
    }
    // The recipient acts for no user of the host: the entry is the plugin's own.
    write(share.organisation_id, "", share.case_id,
          [&](const text::TimeReader& reader) { return opened_entry(reader.language, share); });
}

}  // namespace es::app
