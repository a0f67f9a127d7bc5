#include "licence/licence_service.hpp"

#include <Poco/JSON/Object.h>

#include <chrono>
#include <sstream>

#include "domain/error.hpp"
#include "licence/decoded_licence_key.hpp"
#include "licence/licence_refused.hpp"

namespace es::licence {

namespace {

constexpr auto kTrialWarningAhead = std::chrono::hours(24 * 7);
constexpr auto kLicenceWarningAhead = std::chrono::hours(24 * 30);

std::string to_json(const Poco::JSON::Object& object) {
    std::ostringstream out;
    object.stringify(out);
    return out.str();
}

}  // namespace

LicenceService::LicenceService(store::LicenceStore& store, Clock& clock,
                               const LicenceVerifier& verifier, config::LicensingSettings settings,
                               ActiveUserCount active_users)
    : store_(store),
      clock_(clock),
      verifier_(verifier),
      lifecycle_(std::move(settings)),
      active_users_(std::move(active_users)) {}

bool LicenceService::is_active(const std::string& organisation_id) {
    const domain::OrganisationLicence record = store_.load(organisation_id);
    return is_active_state(lifecycle_.state(record, clock_.now()));
}

bool LicenceService::may_create_shares(const std::string& organisation_id) {
    return status(organisation_id).may_create_shares;
}

LicenceStatus LicenceService::status(const std::string& organisation_id) {
    const domain::Timestamp now = clock_.now();
    domain::OrganisationLicence record = store_.load(organisation_id);
    const std::int64_t users = active_users_(organisation_id);
    record = observe_seats(std::move(record), now, users);
    return describe(record, now, users);
}

domain::OrganisationLicence LicenceService::observe_seats(domain::OrganisationLicence record,
                                                          domain::Timestamp now,
                                                          std::int64_t active_users) {
    auto next = lifecycle_.observe_seats(record, now, active_users);
    if (!next) {
        return record;
    }
    Poco::JSON::Object details;
    details.set("active_users", static_cast<Poco::Int64>(active_users));
    details.set("seats", static_cast<Poco::Int64>(record.licence ? record.licence->seats : 0));
    domain::AuditEntry audit;
    audit.organisation_id = record.organisation_id;
    audit.actor = "system:seat-count";
    audit.at = now;
    audit.action = next->seats_exceeded_since ? "licence.seats_exceeded" : "licence.seats_fit";
    audit.details = to_json(details);
    if (store_.save(*next, audit)) {
        next->revision += 1;
        return *next;
    }
    // Another request recorded it first; its record is the truth.
    return store_.load(record.organisation_id);
}

LicenceStatus LicenceService::describe(const domain::OrganisationLicence& record,
                                       domain::Timestamp now, std::int64_t active_users) const {
    LicenceStatus s;
    s.organisation_id = record.organisation_id;
    s.now = now;
    s.state = lifecycle_.state(record, now);
    s.active = is_active_state(s.state);
    s.licence = record.licence;
    s.trial_started_at = record.trial_started_at;
    s.trial_ends_at = lifecycle_.trial_end(record);
    s.active_until = lifecycle_.active_until(record, now);
    s.trial_available = !record.trial_started_at &&
                        lifecycle_.state_underneath(record, now) != LicenceState::Licensed;
    s.may_reactivate =
        record.deactivated && is_active_state(lifecycle_.state_underneath(record, now));
    s.seats = lifecycle_.seats(record, now, active_users);
    s.may_create_shares = s.active && !s.seats.grace_over;

    const bool licensed_plan = s.state == LicenceState::Licensed && record.licence;
    s.included_in_plan = licensed_plan && domain::includes_module(record.licence->plan);
    s.price_per_user_per_month = s.included_in_plan ? 0 : domain::kModulePricePerUserPerMonth;
    s.monthly_total = s.price_per_user_per_month * active_users;

    using Level = LicenceWarning::Level;
    switch (s.state) {
        case LicenceState::NotActivated:
            s.warnings.push_back({Level::Info, "not_activated", std::nullopt});
            break;
        case LicenceState::Deactivated:
            s.warnings.push_back({Level::Info, "deactivated", std::nullopt});
            break;
        case LicenceState::Expired:
            s.warnings.push_back({Level::Error, "expired", std::nullopt});
            break;
        case LicenceState::Trial:
            if (s.active_until && *s.active_until - now <= kTrialWarningAhead) {
                s.warnings.push_back({Level::Warning, "trial_ends_soon", s.active_until});
            }
            break;
        case LicenceState::Licensed:
            if (s.active_until && *s.active_until - now <= kLicenceWarningAhead) {
                s.warnings.push_back({Level::Warning, "licence_ends_soon", s.active_until});
            }
            break;
    }
    if (s.seats.grace_over) {
        s.warnings.push_back({Level::Error, "seats_grace_over", s.seats.grace_until});
    } else if (s.seats.exceeded) {
        s.warnings.push_back({Level::Warning, "seats_exceeded", s.seats.grace_until});
    }
    return s;
}

void LicenceService::save(const domain::OrganisationLicence& before,
                          const domain::OrganisationLicence& after, const std::string& actor,
                          const std::string& action, domain::Timestamp now,
                          const std::string& extra_details) {
    Poco::JSON::Object details;
    details.set("from", std::string(state_id(lifecycle_.state(before, now))));
    details.set("to", std::string(state_id(lifecycle_.state(after, now))));
    if (!extra_details.empty()) {
        details.set("note", extra_details);
    }
    if (after.licence && (!before.licence || before.licence != after.licence)) {
        details.set("licence_id", after.licence->licence_id);
        details.set("plan", std::string(domain::plan_id(after.licence->plan)));
        details.set("seats", static_cast<Poco::Int64>(after.licence->seats));
        details.set("valid_until", domain::to_epoch_ms(after.licence->valid_until));
    }
    domain::AuditEntry audit;
    audit.organisation_id = after.organisation_id;
    audit.actor = actor;
    audit.at = now;
    audit.action = action;
    audit.details = to_json(details);
    if (!store_.save(after, audit)) {
        throw domain::Error(domain::Error::Kind::Conflict,
                            "The licence was changed at the same time; reload the page and try "
                            "again.");
    }
}

LicenceStatus LicenceService::start_trial(const std::string& organisation_id,
                                          const std::string& actor) {
    const domain::Timestamp now = clock_.now();
    const domain::OrganisationLicence before = store_.load(organisation_id);
    const domain::OrganisationLicence after = lifecycle_.start_trial(before, now);
    save(before, after, actor, "licence.trial_started", now, "");
    return status(organisation_id);
}

LicenceStatus LicenceService::enter_licence_key(const std::string& organisation_id,
                                                const std::string& actor, const std::string& key) {
    const domain::Timestamp now = clock_.now();
    const domain::OrganisationLicence before = store_.load(organisation_id);
    domain::Licence licence;
    try {
        licence = verifier_.verify(key, organisation_id, now);
    } catch (const LicenceRefused& refused) {
        // Recorded for the admin's trail; the licence record itself is not touched.
        Poco::JSON::Object details;
        details.set("reason", std::string(refused.what()));
        // The admin page words the reason in the reader's language from these two.
        details.set("reason_id", std::string(reason_id(refused.reason())));
        details.set("reason_detail", refused.detail());
        domain::AuditEntry audit;
        audit.organisation_id = organisation_id;
        audit.actor = actor;
        audit.at = now;
        audit.action = "licence.key_refused";
        audit.details = to_json(details);
        store_.append_audit(audit);
        throw;
    }
    const domain::OrganisationLicence after =
        lifecycle_.accept_licence(before, licence, trim_licence_key(key), now);
    save(before, after, actor, "licence.key_accepted", now, "");
    return status(organisation_id);
}

LicenceStatus LicenceService::deactivate(const std::string& organisation_id,
                                         const std::string& actor) {
    const domain::Timestamp now = clock_.now();
    const domain::OrganisationLicence before = store_.load(organisation_id);
    save(before, lifecycle_.deactivate(before, now), actor, "licence.deactivated", now, "");
    return status(organisation_id);
}

LicenceStatus LicenceService::reactivate(const std::string& organisation_id,
                                         const std::string& actor) {
    const domain::Timestamp now = clock_.now();
    const domain::OrganisationLicence before = store_.load(organisation_id);
    save(before, lifecycle_.reactivate(before, now), actor, "licence.reactivated", now, "");
    return status(organisation_id);
}

bool LicenceService::case_type_enabled(const std::string& organisation_id,
                                       const std::string& case_type_id, bool configured) {
    return store_.case_type_enabled(organisation_id, case_type_id).value_or(configured);
}

void LicenceService::set_case_type_enabled(const std::string& organisation_id,
                                           const std::string& actor,
                                           const std::string& case_type_id, bool enabled) {
    Poco::JSON::Object details;
    details.set("case_type_id", case_type_id);
    details.set("enabled", enabled);
    domain::AuditEntry audit;
    audit.organisation_id = organisation_id;
    audit.actor = actor;
    audit.at = clock_.now();
    audit.action = enabled ? "module.case_type_enabled" : "module.case_type_disabled";
    audit.details = to_json(details);
    store_.set_case_type_enabled(organisation_id, case_type_id, enabled, audit);
}

void LicenceService::record_revoke_all(const std::string& organisation_id, const std::string& actor,
                                       std::int64_t count) {
    Poco::JSON::Object details;
    details.set("revoked", static_cast<Poco::Int64>(count));
    domain::AuditEntry audit;
    audit.organisation_id = organisation_id;
    audit.actor = actor;
    audit.at = clock_.now();
    audit.action = "module.all_links_revoked";
    audit.details = to_json(details);
    store_.append_audit(audit);
}

void LicenceService::record_journal_setting(const std::string& organisation_id,
                                            const std::string& actor, std::optional<bool> enabled,
                                            const std::string& language) {
    Poco::JSON::Object details;
    if (enabled) {
        record_setting_change(organisation_id, actor,
                              *enabled ? "module.journal_entries_on" : "module.journal_entries_off",
                              details);
        return;
    }
    details.set("language", language);
    record_setting_change(organisation_id, actor, "module.journal_language", details);
}

void LicenceService::record_time_zone(const std::string& organisation_id, const std::string& actor,
                                      const std::string& from, const std::string& to) {
    Poco::JSON::Object details;
    details.set("from", from);
    details.set("to", to);
    record_setting_change(organisation_id, actor, "module.time_zone", details);
}

void LicenceService::record_setting_change(const std::string& organisation_id,
                                           const std::string& actor, const std::string& action,
                                           const Poco::JSON::Object& details) {
    domain::AuditEntry audit;
    audit.action = action;
    audit.organisation_id = organisation_id;
    audit.actor = actor;
    audit.at = clock_.now();
    audit.details = to_json(details);
    store_.append_audit(audit);
}

std::vector<domain::AuditEntry> LicenceService::audit_trail(const std::string& organisation_id,
                                                            int limit) {
    return store_.audit_trail(organisation_id, limit);
}

}  // namespace es::licence
