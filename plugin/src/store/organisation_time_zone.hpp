// The time zone an organisation admin chose on the admin page, kept as an organisation setting
// ("time_zone": an IANA name). Without a choice the configured zone applies
// (config::OrganisationSettings, Europe/Zurich unless configured otherwise).
#pragma once

#include <optional>
#include <string>

#include "config/settings.hpp"
#include "store/organisation_settings_repository.hpp"

namespace es::store {

inline constexpr const char* kTimeZoneSetting = "time_zone";

// The chosen zone; nothing when none was chosen or the system's time-zone database no longer
// knows it (the configured zone applies then).
std::optional<std::string> organisation_time_zone(OrganisationSettingsRepository& settings,
                                                  const std::string& organisation_id);
// Keeps `zone`, which the caller checked with text::is_time_zone.
void set_organisation_time_zone(OrganisationSettingsRepository& settings,
                                const std::string& organisation_id, const std::string& zone);

// Makes `organisations` ask `settings` for each organisation's chosen zone: done once at start-up,
// before the services copy the settings. `settings` must outlive every copy.
void use_chosen_time_zones(config::OrganisationSettings& organisations,
                           OrganisationSettingsRepository& settings);

}  // namespace es::store
