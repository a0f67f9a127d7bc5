#include "store/organisation_time_zone.hpp"

#include "text/time_text.hpp"

namespace es::store {

std::optional<std::string> organisation_time_zone(OrganisationSettingsRepository& settings,
                                                  const std::string& organisation_id) {
    auto zone = settings.value(organisation_id, kTimeZoneSetting);
    if (zone && text::is_time_zone(*zone)) {
        return zone;
    }
    return std::nullopt;
}

void set_organisation_time_zone(OrganisationSettingsRepository& settings,
                                const std::string& organisation_id, const std::string& zone) {
    settings.set_value(organisation_id, kTimeZoneSetting, zone);
}

void use_chosen_time_zones(config::OrganisationSettings& organisations,
                           OrganisationSettingsRepository& settings) {
    organisations.chosen_zone = [&settings](const std::string& organisation_id) {
        return organisation_time_zone(settings, organisation_id);
    };
}

}  // namespace es::store
