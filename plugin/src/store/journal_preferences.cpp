#include "store/journal_preferences.hpp"

namespace es::store {

JournalPreferences journal_preferences(OrganisationSettingsRepository& settings,
                                       const std::string& organisation_id) {
    JournalPreferences out;
    const auto values = settings.values(organisation_id);
    if (const auto it = values.find(kJournalEntriesSetting); it != values.end()) {
        out.enabled = it->second != "off";
    }
    if (const auto it = values.find(kLanguageSetting); it != values.end()) {
        out.language = domain::parse_language(it->second);
    }
    return out;
}

void set_journal_entries(OrganisationSettingsRepository& settings,
                         const std::string& organisation_id, bool enabled) {
    settings.set_value(organisation_id, kJournalEntriesSetting, enabled ? "on" : "off");
}

void set_organisation_language(OrganisationSettingsRepository& settings,
                               const std::string& organisation_id, domain::Language language) {
    settings.set_value(organisation_id, kLanguageSetting, std::string(domain::to_text(language)));
}

}  // namespace es::store
