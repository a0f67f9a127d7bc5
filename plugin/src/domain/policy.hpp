// The rules for making shares in one organisation and case type, resolved once per request.
//
// Layers, later wins: config defaults → config case type (PolicyConfig) → the
// organisation's overrides for all its case types → its overrides for this case type (both stored
// in the database, see store::OrganisationSettingsRepository). Overrides use the YAML key names.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "domain/policy_values.hpp"
#include "domain/share_options.hpp"
#include "domain/timestamp.hpp"
#include "domain/violation.hpp"

namespace es::domain {

// Policy key (as in YAML: "max_expiry_days") → value as text ("30", "true").
using PolicyOverrides = std::map<std::string, std::string>;

class Policy {
  public:
    explicit Policy(PolicySettings settings) : settings_(std::move(settings)) {}

    // Throws ValidationFailed (field "policy.<key>") for an unknown key or a value out of range, so
    // a bad row in the database is reported instead of silently weakening the policy.
    static Policy resolve(const PolicyConfig& config, const std::string& case_type_id,
                          const PolicyOverrides& organisation_wide,
                          const PolicyOverrides& for_case_type);

    // Applies one override to `settings`; the same ranges as the YAML loader.
    static void apply_override(PolicySettings& settings, const std::string& key,
                               const std::string& value);

    const PolicySettings& settings() const { return settings_; }
    bool enabled() const { return settings_.enabled; }

    // The organisation's clock. A date means the end of that day in the organisation's time zone,
    // always: `end_of_day` maps a moment to the last millisecond of its day there. The calendar
    // is ICU's (text::end_of_day, set by app::PolicyResolver); a policy nobody set a clock on
    // counts UTC days.
    using DayEnd = std::function<Timestamp(Timestamp)>;
    void use_clock(std::string time_zone, DayEnd end_of_day);
    const std::string& time_zone() const { return time_zone_; }
    Timestamp end_of_day(Timestamp at) const;

    // By default the end of the day on which 20 days run out (a direct link), or exactly 24 hours
    // from now (an e-mailed link: a duration, not a date); the end of the day `max_expiry_days`
    // from now at the latest.
    Timestamp default_expiry(Delivery delivery, Timestamp now) const;
    Timestamp latest_expiry(Timestamp now) const;

    // Adds violations under `field` ("expires_at"): in the past ("expiry_in_past") or beyond the
    // maximum ("max_expiry").
    void check_expiry(Timestamp expires_at, Timestamp now, const std::string& field,
                      Violations& out) const;

    // Length in Unicode code points (never bytes; never truncated): "password_min_length",
    // "password_max_length", or "password_encoding" for invalid UTF-8 or control characters.
    void check_password(std::string_view password, const std::string& field, Violations& out) const;

    // "password_required" / "code_required" when the policy demands what `protection` lacks.
    void check_protection(Protection protection, const std::string& field, Violations& out) const;

  private:
    PolicySettings settings_;
    std::string time_zone_ = "UTC";
    DayEnd end_of_day_;
};

// Code points in valid UTF-8, or -1 when `text` is not valid UTF-8 (overlong, surrogate,
// truncated).
long utf8_code_points(std::string_view text);

}  // namespace es::domain
