// What an organisation chose about the journal entries External Sharing writes into its cases'
// files, kept as organisation settings (OrganisationSettingsRepository) and changed on the admin
// page: whether they are written ("journal_entries": "on"/"off", on unless turned off) and the
// organisation's language they are written in ("language": "de"/"en", German unless set).
#pragma once

#include <string>

#include "domain/share_options.hpp"
#include "store/organisation_settings_repository.hpp"

namespace es::store {

struct JournalPreferences {
    bool enabled = true;
    domain::Language language = domain::Language::De;
};

inline constexpr const char* kJournalEntriesSetting = "journal_entries";
inline constexpr const char* kLanguageSetting = "language";

JournalPreferences journal_preferences(OrganisationSettingsRepository& settings,
                                       const std::string& organisation_id);
void set_journal_entries(OrganisationSettingsRepository& settings,
                         const std::string& organisation_id, bool enabled);
void set_organisation_language(OrganisationSettingsRepository& settings,
                               const std::string& organisation_id, domain::Language language);

}  // namespace es::store
