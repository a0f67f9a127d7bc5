#include "store/sql/sql_access_log_repository.hpp"

#include <algorithm>

namespace es::store::sql {

namespace {

constexpr int kMaxPage = 1000;

// Cuts at a UTF-8 character boundary so a truncated user agent stays valid text for utf8mb4.
std::string cut(const std::string& s, std::size_t max) {
    if (s.size() <= max) {
        return s;
    }
    std::size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) {
        --end;
    }
    return s.substr(0, end);
}

}  // namespace

void SqlAccessLogRepository::append(const domain::AccessEvent& e) {
    append_all({e});
}

void SqlAccessLogRepository::append_all(const std::vector<domain::AccessEvent>& events) {
    if (events.empty()) {
        return;
    }
    const std::string insert = db_.sql(
        "INSERT INTO access_events (share_id, organisation_id, case_id, at, client_ip, "
        "user_agent, action, item_id, outcome) VALUES (?, ?, ?, COALESCE(?, {now}), ?, ?, "
        "?, ?, ?)");
    db_.transaction([&](SqlConnection& c) {
        // One prepared statement per row rather than a multi-row INSERT: batches are small (the
        // requests that arrived during one commit) and the statement stays cached.
        for (const auto& e : events) {
            const auto at = domain::to_epoch_ms(e.at);
            c.execute(insert, {e.share_id, e.organisation_id, e.case_id,
                               at == 0 ? SqlValue() : SqlValue(at), cut(e.client_ip, 45),
                               cut(e.user_agent, 512), cut(e.action, 32), cut(e.item_id, 128),
                               cut(e.outcome, 32)});
        }
    });
}

std::vector<domain::AccessEvent> SqlAccessLogRepository::page_of(
    const std::string& condition, const std::vector<SqlValue>& params, domain::Page page) {
    std::vector<SqlValue> all = params;
    all.emplace_back(std::int64_t{std::clamp(page.limit, 0, kMaxPage)});
    all.emplace_back(std::int64_t{std::max(page.offset, 0)});
    const std::string q = db_.sql(
        "SELECT id, share_id, organisation_id, case_id, at, client_ip, user_agent, action, "
        "item_id, outcome FROM access_events WHERE " +
        condition + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?");
    return db_.read([&](SqlConnection& c) {
        std::vector<domain::AccessEvent> out;
        for (const auto& r : c.query(q, all)) {
            out.push_back(domain::AccessEvent{r.integer(0), r.text(1), r.text(2), r.text(3),
                                              domain::from_epoch_ms(r.integer(4)), r.text(5),
                                              r.text(6), r.text(7), r.text(8), r.text(9)});
        }
        return out;
    });
}

std::vector<domain::AccessEvent> SqlAccessLogRepository::for_share(
    const std::string& organisation_id, const std::string& share_id, domain::Page page) {
    return page_of("organisation_id = ? AND share_id = ?", {organisation_id, share_id}, page);
}

std::vector<domain::AccessEvent> SqlAccessLogRepository::for_case(
    const std::string& organisation_id, const std::string& case_id, domain::Page page) {
    return page_of("organisation_id = ? AND case_id = ?", {organisation_id, case_id}, page);
}

std::int64_t SqlAccessLogRepository::purge_older_than(int retention_days, std::int64_t max_events) {
    const std::int64_t ms = std::int64_t{retention_days} * 86400000;
    return db_.transaction([&](SqlConnection& c) {
        const std::int64_t cutoff = c.query(db_.sql("SELECT {now} - ?"), {ms}).front().integer(0);
        // The time of the max_events-th oldest event past the retention bounds this batch; the
        // access_by_time index finds it without reading what lies beyond.
        auto bound = c.query(db_.sql("SELECT at FROM access_events WHERE at < ? ORDER BY at LIMIT "
                                     "1 OFFSET ?"),
                             {cutoff, std::max<std::int64_t>(max_events, 1) - 1});
        if (bound.empty()) {
            return c.execute(db_.sql("DELETE FROM access_events WHERE at < ?"), {cutoff});
        }
        return c.execute(db_.sql("DELETE FROM access_events WHERE at <= ?"),
                         {bound.front().integer(0)});
    });
}

}  // namespace es::store::sql
