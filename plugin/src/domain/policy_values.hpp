// The values of a sharing policy: how shares may be made for one organisation and case type. The
// base comes from config (config/settings_loader reads them from YAML); case types override single
// keys; organisations override further in the database (domain/policy.hpp resolves the layers).
#pragma once

#include <map>
#include <string>

namespace es::domain {

struct PolicySettings {
    bool enabled = true;  // module on for this case type
    int direct_link_expiry_days = 20;
    int email_link_expiry_hours = 24;
    int max_expiry_days = 90;
    bool require_password = false;
    bool require_code = false;
    bool force_email_codes = false;  // codes by e-mail even when a phone number is known
    int code_digits = 6;
    int code_lifetime_minutes = 10;
    int code_max_tries = 5;
    int code_sends_per_hour = 10;             // per share, all addresses (an SMS cost bound)
    int code_sends_per_address_per_hour = 3;  // per address; lower, so none uses up the share's
    int password_min_length = 8;
    int password_max_length = 128;
    int expiry_reminder_days = 2;  // owner reminder this many days ahead; 0 = none
};

struct PolicyConfig {
    PolicySettings defaults;
    std::map<std::string, PolicySettings> case_types;  // by case type id

    const PolicySettings& for_case_type(const std::string& case_type_id) const {
        auto it = case_types.find(case_type_id);
        return it == case_types.end() ? defaults : it->second;
    }
};

}  // namespace es::domain
