#include "store/sql/sql_licence_store.hpp"

#include "domain/error.hpp"
#include "domain/plan.hpp"

namespace es::store::sql {

using domain::Licence;
using domain::OrganisationLicence;
using domain::parse_plan;
using domain::plan_id;

namespace {

constexpr const char* kSelectState =
    "SELECT organisation_id, revision, trial_started_at, deactivated, licence_key, licence_id,"
    " plan, seats, valid_from, valid_until, key_id, issuer, seats_exceeded_since"
    " FROM licence_state WHERE organisation_id = ?";

constexpr const char* kInsertState =
    "{insert_ignore} INTO licence_state (trial_started_at, deactivated, licence_key, licence_id,"
    " plan, seats, valid_from, valid_until, key_id, issuer, seats_exceeded_since, updated_at,"
    " revision, organisation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {now}, ?, ?)";

constexpr const char* kUpdateState =
    "UPDATE licence_state SET trial_started_at = ?, deactivated = ?, licence_key = ?,"
    " licence_id = ?, plan = ?, seats = ?, valid_from = ?, valid_until = ?, key_id = ?,"
    " issuer = ?, seats_exceeded_since = ?, updated_at = {now}, revision = ?"
    " WHERE organisation_id = ? AND revision = ?";

// The store's audit table; licensing entries concern no case and no share.
constexpr const char* kInsertAudit =
    "INSERT INTO audit (organisation_id, case_id, share_id, actor, at, action, details)"
    " VALUES (?, '', '', ?, ?, ?, ?)";

constexpr const char* kSelectAudit =
    "SELECT id, organisation_id, actor, at, action, details FROM audit"
    " WHERE organisation_id = ? AND case_id = '' AND share_id = ''"
    " AND (action LIKE 'licence.%' OR action LIKE 'module.%') ORDER BY id DESC LIMIT ?";

// The switch is the "enabled" policy override of the case type, so Policy::resolve honours it.
constexpr const char* kSelectCaseType =
    "SELECT value FROM policy_overrides"
    " WHERE organisation_id = ? AND case_type_id = ? AND policy_key = 'enabled'";

constexpr const char* kDeleteCaseType =
    "DELETE FROM policy_overrides"
    " WHERE organisation_id = ? AND case_type_id = ? AND policy_key = 'enabled'";

constexpr const char* kInsertCaseType =
    "INSERT INTO policy_overrides (organisation_id, case_type_id, policy_key, value)"
    " VALUES (?, ?, 'enabled', ?)";

SqlValue optional_ms(const std::optional<domain::Timestamp>& t) {
    return t ? SqlValue(domain::to_epoch_ms(*t)) : SqlValue(std::monostate{});
}

SqlValue optional_text(bool present, const std::string& text) {
    return present ? SqlValue(text) : SqlValue(std::monostate{});
}

std::optional<domain::Timestamp> timestamp_at(const SqlRow& row, std::size_t i) {
    auto ms = row.optional_integer(i);
    return ms ? std::optional(domain::from_epoch_ms(*ms)) : std::nullopt;
}

// The columns shared by INSERT and UPDATE, in their order there.
std::vector<SqlValue> state_values(const OrganisationLicence& r) {
    const bool has = r.licence.has_value();
    return {
        optional_ms(r.trial_started_at),
        SqlValue(std::int64_t{r.deactivated ? 1 : 0}),
        optional_text(has, r.licence_key),
        optional_text(has, has ? r.licence->licence_id : ""),
        optional_text(has, has ? std::string(plan_id(r.licence->plan)) : ""),
        has ? SqlValue(r.licence->seats) : SqlValue(std::monostate{}),
        has ? SqlValue(domain::to_epoch_ms(r.licence->valid_from)) : SqlValue(std::monostate{}),
        has ? SqlValue(domain::to_epoch_ms(r.licence->valid_until)) : SqlValue(std::monostate{}),
        optional_text(has, has ? r.licence->key_id : ""),
        optional_text(has, has ? r.licence->issuer : ""),
        optional_ms(r.seats_exceeded_since)};
}

OrganisationLicence record_from(const SqlRow& row) {
    OrganisationLicence r;
    r.organisation_id = row.text(0);
    r.revision = row.integer(1);
    r.trial_started_at = timestamp_at(row, 2);
    r.deactivated = row.integer(3) != 0;
    if (!row.is_null(5)) {
        const auto plan = parse_plan(row.text(6));
        if (!plan) {
            throw domain::Error(domain::Error::Kind::Internal,
                                "licence_state of '" + r.organisation_id + "' has unknown plan '" +
                                    row.text(6) + "'");
        }
        Licence l;
        l.organisation_id = r.organisation_id;
        l.licence_id = row.text(5);
        l.plan = *plan;
        l.seats = row.integer(7);
        l.valid_from = domain::from_epoch_ms(row.integer(8));
        l.valid_until = domain::from_epoch_ms(row.integer(9));
        l.key_id = row.text(10);
        l.issuer = row.text(11);
        r.licence = l;
        r.licence_key = row.text(4);
    }
    r.seats_exceeded_since = timestamp_at(row, 12);
    return r;
}

void insert_audit(SqlConnection& c, const std::string& sql, const domain::AuditEntry& a) {
    c.execute(sql, {a.organisation_id, a.actor, domain::to_epoch_ms(a.at), a.action, a.details});
}

}  // namespace

domain::Timestamp SqlLicenceStore::database_now() {
    const std::string sql = db_.sql("SELECT {now}");
    return db_.read(
        [&](SqlConnection& c) { return domain::from_epoch_ms(c.query(sql, {}).at(0).integer(0)); });
}

OrganisationLicence SqlLicenceStore::load(const std::string& organisation_id) {
    const std::string sql = db_.sql(kSelectState);
    auto rows = db_.read([&](SqlConnection& c) { return c.query(sql, {organisation_id}); });
    if (rows.empty()) {
        OrganisationLicence fresh;
        fresh.organisation_id = organisation_id;
        return fresh;
    }
    return record_from(rows.front());
}

bool SqlLicenceStore::save(const OrganisationLicence& next, const domain::AuditEntry& audit) {
    const bool first = next.revision == 0;
    const std::string write = db_.sql(first ? kInsertState : kUpdateState);
    const std::string audit_sql = db_.sql(kInsertAudit);
    std::vector<SqlValue> params = state_values(next);
    params.emplace_back(next.revision + 1);
    params.emplace_back(next.organisation_id);
    if (!first) {
        params.emplace_back(next.revision);
    }
    return db_.transaction([&](SqlConnection& c) {
        if (c.execute(write, params) != 1) {
            return false;  // another writer moved the revision on (or inserted first)
        }
        insert_audit(c, audit_sql, audit);
        return true;
    });
}

std::optional<bool> SqlLicenceStore::case_type_enabled(const std::string& organisation_id,
                                                       const std::string& case_type_id) {
    const std::string sql = db_.sql(kSelectCaseType);
    auto rows = db_.read([&](SqlConnection& c) {
        return c.query(sql, {organisation_id, case_type_id});
    });
    if (rows.empty()) {
        return std::nullopt;
    }
    return rows.front().text(0) == "true";
}

void SqlLicenceStore::set_case_type_enabled(const std::string& organisation_id,
                                            const std::string& case_type_id, bool enabled,
                                            const domain::AuditEntry& audit) {
    const std::string remove = db_.sql(kDeleteCaseType);
    const std::string insert = db_.sql(kInsertCaseType);
    const std::string audit_sql = db_.sql(kInsertAudit);
    const std::string value = enabled ? "true" : "false";
    db_.transaction([&](SqlConnection& c) {
        c.execute(remove, {organisation_id, case_type_id});
        c.execute(insert, {organisation_id, case_type_id, value});
        insert_audit(c, audit_sql, audit);
    });
}

void SqlLicenceStore::append_audit(const domain::AuditEntry& audit) {
    const std::string audit_sql = db_.sql(kInsertAudit);
    db_.transaction([&](SqlConnection& c) { insert_audit(c, audit_sql, audit); });
}

std::vector<domain::AuditEntry> SqlLicenceStore::audit_trail(const std::string& organisation_id,
                                                             int limit) {
    const std::string sql = db_.sql(kSelectAudit);
    auto rows = db_.read([&](SqlConnection& c) {
        return c.query(sql, {organisation_id, std::int64_t{limit}});
    });
    std::vector<domain::AuditEntry> out;
    out.reserve(rows.size());
    for (const auto& row : rows) {
        domain::AuditEntry e;
        e.id = row.integer(0);
        e.organisation_id = row.text(1);
        e.actor = row.text(2);
        e.at = domain::from_epoch_ms(row.integer(3));
        e.action = row.text(4);
        e.details = row.text(5);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace es::store::sql
