#include "store/sql/sql_audit_repository.hpp"

#include <algorithm>

#include "store/sql/share_rows.hpp"

namespace es::store::sql {

void SqlAuditRepository::append(const domain::AuditEntry& entry) {
    db_.transaction([&](SqlConnection& c) { insert_audit(db_, c, entry); });
}

std::vector<domain::AuditEntry> SqlAuditRepository::page_of(const std::string& condition,
                                                            const std::vector<SqlValue>& params,
                                                            domain::Page page) {
    std::vector<SqlValue> all = params;
    all.emplace_back(std::int64_t{std::clamp(page.limit, 0, 1000)});
    all.emplace_back(std::int64_t{std::max(page.offset, 0)});
    const std::string q = db_.sql(
        "SELECT id, organisation_id, case_id, share_id, actor, at, action, details FROM audit "
        "WHERE " +
        condition + " ORDER BY id DESC LIMIT ? OFFSET ?");
    return db_.read([&](SqlConnection& c) {
        std::vector<domain::AuditEntry> out;
        for (const auto& r : c.query(q, all)) {
            out.push_back(domain::AuditEntry{r.integer(0), r.text(1), r.text(2), r.text(3),
                                             r.text(4), domain::from_epoch_ms(r.integer(5)),
                                             r.text(6), r.text(7)});
        }
        return out;
    });
}

std::vector<domain::AuditEntry> SqlAuditRepository::for_share(const std::string& organisation_id,
                                                              const std::string& share_id,
                                                              domain::Page page) {
    return page_of("organisation_id = ? AND share_id = ?", {organisation_id, share_id}, page);
}

std::vector<domain::AuditEntry> SqlAuditRepository::for_case(const std::string& organisation_id,
                                                             const std::string& case_id,
                                                             domain::Page page) {
    return page_of("organisation_id = ? AND case_id = ?", {organisation_id, case_id}, page);
}

std::vector<domain::AuditEntry> SqlAuditRepository::for_organisation(
    const std::string& organisation_id, domain::Page page) {
    return page_of("organisation_id = ?", {organisation_id}, page);
}

}  // namespace es::store::sql
