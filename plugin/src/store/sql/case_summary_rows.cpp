#include "store/sql/case_summary_rows.hpp"

namespace es::store::sql {

namespace {

// One row per (organisation, case) among the shares matching `condition`; cases whose shares are
// all dead get live_count 0 and NULL expiries, so the row says "none" instead of going stale.
std::string rebuild(const Database& db, const std::string& condition) {
    const std::string live = "s.revoked_at IS NULL AND s.expires_at > {now}";
    return db.sql(
               "INSERT INTO case_share_summary (organisation_id, case_id, live_count, "
               "first_expiry, last_expiry) SELECT s.organisation_id, s.case_id, SUM(CASE WHEN " +
               live + " THEN 1 ELSE 0 END), MIN(CASE WHEN " + live +
               " THEN s.expires_at END), MAX(CASE WHEN " + live +
               " THEN s.expires_at END) FROM shares s WHERE " + condition +
               " GROUP BY s.organisation_id, s.case_id") +
           db.dialect().upsert_clause("organisation_id, case_id",
                                      {"live_count", "first_expiry", "last_expiry"});
}

}  // namespace

void refresh_case_summary(const Database& db, SqlConnection& c, const std::string& organisation_id,
                          const std::string& case_id) {
    static const std::string kCondition = "s.organisation_id = ? AND s.case_id = ?";
    c.execute(rebuild(db, kCondition), {organisation_id, case_id});
}

void refresh_case_summary_of_share(const Database& db, SqlConnection& c,
                                   const std::string& organisation_id,
                                   const std::string& share_id) {
    // Two statements rather than a scalar subquery in the rebuild: the case id as a bound value
    // keeps the rebuild an index range scan on both backends.
    auto rows = c.query(db.sql("SELECT case_id FROM shares WHERE organisation_id = ? AND id = ?"),
                        {organisation_id, share_id});
    if (!rows.empty()) {
        refresh_case_summary(db, c, organisation_id, rows.front().text(0));
    }
}

void refresh_organisation_summaries(const Database& db, SqlConnection& c,
                                    const std::string& organisation_id) {
    c.execute(rebuild(db, "s.organisation_id = ?"), {organisation_id});
}

}  // namespace es::store::sql
