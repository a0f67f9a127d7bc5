#include "store/sql/sql_organisation_settings_repository.hpp"

#include "domain/validation_failed.hpp"

namespace es::store::sql {

std::optional<std::string> SqlOrganisationSettingsRepository::value(
    const std::string& organisation_id, const std::string& key) {
    auto rows = db_.read([&](SqlConnection& c) {
        return c.query(db_.sql("SELECT value FROM organisation_settings WHERE organisation_id = ? "
                               "AND setting_key = ?"),
                       {organisation_id, key});
    });
    if (rows.empty()) {
        return std::nullopt;
    }
    return rows.front().text(0);
}

void SqlOrganisationSettingsRepository::set_value(const std::string& organisation_id,
                                                  const std::string& key,
                                                  const std::string& value) {
    // Delete and insert in one transaction: the same statements on both backends, and the write
    // lock (SQLite) or the row lock (InnoDB) keeps concurrent setters in order.
    db_.transaction([&](SqlConnection& c) {
        c.execute(db_.sql("DELETE FROM organisation_settings WHERE organisation_id = ? AND "
                          "setting_key = ?"),
                  {organisation_id, key});
        c.execute(db_.sql("INSERT INTO organisation_settings (organisation_id, setting_key, value, "
                          "updated_at) VALUES (?, ?, ?, {now})"),
                  {organisation_id, key, value});
    });
}

void SqlOrganisationSettingsRepository::remove_value(const std::string& organisation_id,
                                                     const std::string& key) {
    db_.transaction([&](SqlConnection& c) {
        c.execute(db_.sql("DELETE FROM organisation_settings WHERE organisation_id = ? AND "
                          "setting_key = ?"),
                  {organisation_id, key});
    });
}

std::map<std::string, std::string> SqlOrganisationSettingsRepository::values(
    const std::string& organisation_id) {
    return db_.read([&](SqlConnection& c) {
        std::map<std::string, std::string> out;
        for (const auto& r : c.query(db_.sql("SELECT setting_key, value FROM organisation_settings "
                                             "WHERE organisation_id = ?"),
                                     {organisation_id})) {
            out[r.text(0)] = r.text(1);
        }
        return out;
    });
}

domain::PolicyOverrides SqlOrganisationSettingsRepository::policy_overrides(
    const std::string& organisation_id, const std::string& case_type_id) {
    return db_.read([&](SqlConnection& c) {
        domain::PolicyOverrides out;
        for (const auto& r : c.query(db_.sql("SELECT policy_key, value FROM policy_overrides WHERE "
                                             "organisation_id = ? AND case_type_id = ?"),
                                     {organisation_id, case_type_id})) {
            out[r.text(0)] = r.text(1);
        }
        return out;
    });
}

void SqlOrganisationSettingsRepository::set_policy_override(const std::string& organisation_id,
                                                            const std::string& case_type_id,
                                                            const std::string& key,
                                                            const std::string& value) {
    domain::PolicySettings probe;
    domain::Policy::apply_override(probe, key, value);  // throws ValidationFailed when bad
    if (key == "expiry_reminder_days" && !case_type_id.empty()) {
        // The reminder job reads only the organisation-wide value (see ReminderRepository).
        throw domain::ValidationFailed({{"policy." + key, "organisation_only",
                                         "is set for the whole organisation, not per case type"}});
    }
    db_.transaction([&](SqlConnection& c) {
        c.execute(db_.sql("DELETE FROM policy_overrides WHERE organisation_id = ? AND "
                          "case_type_id = ? AND policy_key = ?"),
                  {organisation_id, case_type_id, key});
        c.execute(db_.sql("INSERT INTO policy_overrides (organisation_id, case_type_id, "
                          "policy_key, value) VALUES (?, ?, ?, ?)"),
                  {organisation_id, case_type_id, key, value});
    });
}

void SqlOrganisationSettingsRepository::remove_policy_override(const std::string& organisation_id,
                                                               const std::string& case_type_id,
                                                               const std::string& key) {
    db_.transaction([&](SqlConnection& c) {
        c.execute(db_.sql("DELETE FROM policy_overrides WHERE organisation_id = ? AND "
                          "case_type_id = ? AND policy_key = ?"),
                  {organisation_id, case_type_id, key});
    });
}

}  // namespace es::store::sql
