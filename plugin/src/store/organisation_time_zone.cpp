#include "store/organisation_time_zone.hpp"

#include <memory>

#include "store/recent_organisation_values.hpp"
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
    // Every page, message and panel that shows a time asks for its organisation's zone, and
    // reading it costs a database statement and an ICU lookup: each answer is kept for a few
    // seconds (the zone only decides how times are written).
    auto zones =
        std::make_shared<RecentOrganisationValues>([&settings](const std::string& organisation_id) {
            return organisation_time_zone(settings, organisation_id);
        });
    organisations.chosen_zone = [zones](const std::string& organisation_id) {
        return zones->of(organisation_id);
    };
    organisations.forget_chosen_zone = [zones](const std::string& organisation_id) {
        zones->forget(organisation_id);
    };
}

}  // namespace es::store
