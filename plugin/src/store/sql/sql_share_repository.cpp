#include "store/sql/sql_share_repository.hpp"

#include <algorithm>
#include <string_view>

#include "store/sql/case_id_index.hpp"
#include "store/sql/case_summary_rows.hpp"
#include "store/sql/outbox_rows.hpp"
#include "store/sql/share_rows.hpp"
#include "store/sql/sql_reminder_repository.hpp"

namespace es::store::sql {

namespace {

// Bounded IN-lists: the statement cache sees at most this many distinct shapes, and no backend
// limit on bound parameters is ever near.
constexpr std::size_t kSummaryChunk = 500;

// Calls `query(params, n)` for each chunk of at most kSummaryChunk of `case_ids`: `params` holds
// the organisation, then the chunk's n ids (for an IN list of n placeholders).
template <class Query>
void for_each_case_chunk(const std::string& organisation_id,
                         const std::vector<std::string>& case_ids, Query query) {
    for (std::size_t start = 0; start < case_ids.size(); start += kSummaryChunk) {
        const std::size_t n = std::min(kSummaryChunk, case_ids.size() - start);
        std::vector<SqlValue> params{organisation_id};
        params.insert(params.end(), case_ids.begin() + static_cast<std::ptrdiff_t>(start),
                      case_ids.begin() + static_cast<std::ptrdiff_t>(start + n));
        query(params, n);
    }
}

// From this many case ids on, the column scans the organisation's summary rows once instead of
// looking the ids up in chunks. Measured with store_bench (docs/performance.md): a looked-up id
// costs three to five scanned rows, and with 10,000 scanned rows the two meet between 2,000
// and 5,000 ids on both backends. The scan reads only cases with live shares, so it grows with
// those of the organisation, never with its closed or unshared cases.
constexpr std::size_t kScanFromCases = 3000;

const std::string kLive = " s.revoked_at IS NULL AND s.expires_at > {now} ";

std::string placeholders(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += i == 0 ? "?" : ", ?";
    }
    return out;
}

// Runs `statement`, an UPDATE of the share `share_id` alone, in a transaction of its own: one
// statement, so its WHERE is the check and no other thread or host gets between check and change.
// True when it changed the share.
bool update_share(Database& db, const std::string& statement, const std::string& share_id) {
    const std::string q = db.sql(statement);
    return db.transaction([&](SqlConnection& c) { return c.execute(q, {share_id}) == 1; });
}

// Locks the share for the rest of the transaction; false when the organisation has no such share
// or it is revoked (then nothing may change it).
bool lock_live_share(Database& db, SqlConnection& c, const std::string& organisation_id,
                     const std::string& share_id) {
    return !c.query(db.sql("SELECT id FROM shares WHERE organisation_id = ? AND id = ? AND "
                           "revoked_at IS NULL{for_update}"),
                    {organisation_id, share_id})
                .empty();
}

}  // namespace

SqlShareRepository::SqlShareRepository(Database& db)
    : db_(db),
      live_by_token_sql_(db.sql("SELECT " + share_columns("s.") +
                                " FROM shares s WHERE s.token_hash = ? AND" + kLive)) {}

void SqlShareRepository::create(const domain::Share& share, const domain::Selection& selection,
                                const std::vector<domain::OutboxMessage>& outbox,
                                const domain::AuditEntry& audit) {
    const std::string insert_share = db_.sql("INSERT INTO shares (" + share_columns("") +
                                             ") VALUES (" + placeholders(kShareColumnCount) + ")");
    db_.transaction([&](SqlConnection& c) {
        c.execute(insert_share, share_values(share));
        for (domain::Section s : selection.sections()) {
            c.execute(db_.sql("INSERT INTO share_sections (share_id, section) VALUES (?, ?)"),
                      {share.id, std::string(domain::to_text(s))});
        }
        std::int64_t position = 0;
        for (const auto& item : selection.items()) {
            c.execute(db_.sql("INSERT INTO share_items (share_id, section, item_id, visible, "
                              "position) VALUES (?, ?, ?, ?, ?)"),
                      {share.id, std::string(domain::to_text(item.section)), item.item_id,
                       std::int64_t{item.visible ? 1 : 0}, position++});
        }
        for (const auto& m : outbox) {
            insert_outbox(db_, c, m);
        }
        insert_audit(db_, c, audit);
        refresh_case_summary(db_, c, share.organisation_id, share.case_id);
    });
}

std::optional<domain::Share> SqlShareRepository::find(const std::string& organisation_id,
                                                      const std::string& share_id) {
    const std::string q = db_.sql("SELECT " + share_columns("s.") +
                                  " FROM shares s WHERE s.organisation_id = ? AND s.id = ?");
    return db_.read([&](SqlConnection& c) -> std::optional<domain::Share> {
        auto rows = c.query(q, {organisation_id, share_id});
        if (rows.empty()) {
            return std::nullopt;
        }
        return share_from_row(rows.front());
    });
}

std::optional<domain::Share> SqlShareRepository::find_live_by_token_hash(
    const std::string& token_hash) {
    return db_.read([&](SqlConnection& c) -> std::optional<domain::Share> {
        auto rows = c.query(live_by_token_sql_, {token_hash});
        if (rows.empty()) {
            return std::nullopt;
        }
        return share_from_row(rows.front());
    });
}

std::vector<ShareListing> SqlShareRepository::list_for_case(const std::string& organisation_id,
                                                            const std::string& case_id) {
    const std::string q = db_.sql(
        "SELECT " + share_columns("s.") +
        ", (SELECT MAX(a.at) FROM access_events a WHERE a.organisation_id = s.organisation_id "
        "AND a.share_id = s.id AND SUBSTR(a.action, 1, 6) <> 'owner_') FROM shares s WHERE "
        "s.organisation_id = ? AND s.case_id = ? "
        "ORDER BY s.created_at DESC, s.id");
    return db_.read([&](SqlConnection& c) {
        std::vector<ShareListing> out;
        for (const auto& row : c.query(q, {organisation_id, case_id})) {
            ShareListing l{share_from_row(row), std::nullopt};
            if (auto last = row.optional_integer(kShareColumnCount)) {
                l.last_access = domain::from_epoch_ms(*last);
            }
            out.push_back(std::move(l));
        }
        return out;
    });
}

// One statement for the sections and the items: every link page reads its selection, and on
// MariaDB each statement is a round trip. The items are put in their order here rather than by an
// ORDER BY: a share has a few dozen rows, and SQLite would sort them in a sorter it allocates, for
// every page, from its process-wide allocator that the portal's workers queue on.
domain::Selection SqlShareRepository::selection(const std::string& share_id) {
    const std::string q = db_.sql(
        "SELECT 0, section, '', 0, 0 FROM share_sections WHERE share_id = ? UNION ALL SELECT 1, "
        "section, item_id, visible, position FROM share_items WHERE share_id = ?");
    auto rows = db_.read([&](SqlConnection& c) { return c.query(q, {share_id, share_id}); });
    struct Item {
        std::int64_t position;
        const SqlRow* row;
    };
    std::vector<Item> items;
    domain::Selection out;
    for (const auto& row : rows) {
        if (row.integer(0) == 0) {
            out.include_section(domain::parse_section(row.text(1)), true);
        } else {
            items.push_back(Item{row.integer(4), &row});
        }
    }
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        return a.position != b.position ? a.position < b.position
                                        : a.row->optional_text(2) < b.row->optional_text(2);
    });
    for (const auto& item : items) {
        out.set_visible(domain::parse_section(item.row->text(1)), item.row->text(2),
                        item.row->integer(3) != 0);
    }
    return out;
}

bool SqlShareRepository::send_by_email(const std::string& organisation_id,
                                       const std::string& share_id, domain::Timestamp expires_at,
                                       const domain::OutboxMessage& message,
                                       const domain::AuditEntry& audit) {
    return db_.transaction([&](SqlConnection& c) {
        const auto n = c.execute(
            db_.sql("UPDATE shares SET " + std::string(kExpiryChangeClauses) +
                    ", expires_at = ?, delivery = ? WHERE organisation_id = ? AND id = ? AND "
                    "revoked_at IS NULL"),
            {domain::to_epoch_ms(expires_at), domain::to_epoch_ms(expires_at),
             std::string(domain::to_text(domain::Delivery::EmailedLink)), organisation_id,
             share_id});
        if (n != 1) {
            return false;
        }
        insert_outbox(db_, c, message);
        insert_audit(db_, c, audit);
        refresh_case_summary_of_share(db_, c, organisation_id, share_id);
        return true;
    });
}

bool SqlShareRepository::change_expiry(const std::string& organisation_id,
                                       const std::string& share_id, domain::Timestamp expires_at,
                                       const domain::AuditEntry& audit) {
    return db_.transaction([&](SqlConnection& c) {
        const auto n =
            c.execute(db_.sql("UPDATE shares SET " + std::string(kExpiryChangeClauses) +
                              ", expires_at = ? WHERE organisation_id = ? AND id = ? AND "
                              "revoked_at IS NULL"),
                      {domain::to_epoch_ms(expires_at), domain::to_epoch_ms(expires_at),
                       organisation_id, share_id});
        if (n == 1) {
            insert_audit(db_, c, audit);
            refresh_case_summary_of_share(db_, c, organisation_id, share_id);
        }
        return n == 1;
    });
}

bool SqlShareRepository::change_protection(const std::string& organisation_id,
                                           const std::string& share_id,
                                           const std::optional<std::string>& password_hash,
                                           const std::optional<std::string>& sealed_password,
                                           domain::Protection protection,
                                           domain::CodeChannel code_channel,
                                           const domain::AuditEntry& audit) {
    return db_.transaction([&](SqlConnection& c) {
        const auto n = c.execute(
            db_.sql("UPDATE shares SET password_hash = ?, sealed_password = ?, protection = ?, "
                    "code_channel = ?, password_generation = password_generation + 1 WHERE "
                    "organisation_id = ? AND id = ? AND revoked_at IS NULL"),
            {nullable(password_hash), nullable(sealed_password),
             std::string(domain::to_text(protection)), std::string(domain::to_text(code_channel)),
             organisation_id, share_id});
        if (n != 1) {
            return false;
        }
        // The generation check already ends them; deleting is hygiene and frees the rows.
        c.execute(db_.sql("DELETE FROM portal_sessions WHERE share_id = ?"), {share_id});
        insert_audit(db_, c, audit);
        return true;
    });
}

LimitChange SqlShareRepository::change_download_limit(const std::string& organisation_id,
                                                      const std::string& share_id,
                                                      std::optional<std::int64_t> limit,
                                                      const domain::AuditEntry& audit) {
    return db_.transaction([&](SqlConnection& c) {
        // The condition on downloads_used keeps the CHECK constraint from ever firing: a limit
        // below what was counted is refused here, atomically with concurrent downloads.
        const auto n = c.execute(
            db_.sql("UPDATE shares SET download_limit = ? WHERE organisation_id = ? AND id = ? "
                    "AND revoked_at IS NULL AND (? IS NULL OR downloads_used <= ?)"),
            {nullable(limit), organisation_id, share_id, nullable(limit), nullable(limit)});
        if (n == 1) {
            insert_audit(db_, c, audit);
            return LimitChange::Changed;
        }
        const auto live = c.query(db_.sql("SELECT 1 FROM shares WHERE organisation_id = ? AND "
                                          "id = ? AND revoked_at IS NULL"),
                                  {organisation_id, share_id});
        return live.empty() ? LimitChange::NotChangeable : LimitChange::BelowUsed;
    });
}

bool SqlShareRepository::set_item_visible(const std::string& organisation_id,
                                          const std::string& share_id, domain::Section section,
                                          const std::string& item_id, bool visible,
                                          const domain::AuditEntry& audit) {
    const std::string sec(domain::to_text(section));
    return db_.transaction([&](SqlConnection& c) {
        if (!lock_live_share(db_, c, organisation_id, share_id)) {
            return false;
        }
        const auto n = c.execute(db_.sql("UPDATE share_items SET visible = ? WHERE share_id = ? "
                                         "AND section = ? AND item_id = ?"),
                                 {std::int64_t{visible ? 1 : 0}, share_id, sec, item_id});
        if (n == 0) {
            auto next = c.query(db_.sql("SELECT COALESCE(MAX(position), -1) + 1 FROM share_items "
                                        "WHERE share_id = ?"),
                                {share_id});
            c.execute(
                db_.sql("INSERT INTO share_items (share_id, section, item_id, visible, "
                        "position) VALUES (?, ?, ?, ?, ?)"),
                {share_id, sec, item_id, std::int64_t{visible ? 1 : 0}, next.front().integer(0)});
        }
        insert_audit(db_, c, audit);
        return true;
    });
}

bool SqlShareRepository::set_section_included(const std::string& organisation_id,
                                              const std::string& share_id, domain::Section section,
                                              bool included, const domain::AuditEntry& audit) {
    const std::string sec(domain::to_text(section));
    return db_.transaction([&](SqlConnection& c) {
        if (!lock_live_share(db_, c, organisation_id, share_id)) {
            return false;
        }
        if (included) {
            c.execute(db_.sql("{insert_ignore} INTO share_sections (share_id, section) VALUES "
                              "(?, ?)"),
                      {share_id, sec});
        } else {
            c.execute(db_.sql("DELETE FROM share_sections WHERE share_id = ? AND section = ?"),
                      {share_id, sec});
        }
        insert_audit(db_, c, audit);
        return true;
    });
}

bool SqlShareRepository::revoke(const std::string& organisation_id, const std::string& share_id,
                                const std::string& revoked_by, const domain::AuditEntry& audit) {
    return db_.transaction([&](SqlConnection& c) {
        const auto n = c.execute(db_.sql("UPDATE shares SET revoked_at = {now}, revoked_by = ? "
                                         "WHERE organisation_id = ? AND id = ? AND revoked_at IS "
                                         "NULL"),
                                 {revoked_by, organisation_id, share_id});
        if (n == 1) {
            c.execute(db_.sql("DELETE FROM portal_sessions WHERE share_id = ?"), {share_id});
            insert_audit(db_, c, audit);
            refresh_case_summary_of_share(db_, c, organisation_id, share_id);
        }
        return n == 1;
    });
}

std::vector<std::string> SqlShareRepository::revoke_all(const std::string& organisation_id,
                                                        const std::optional<std::string>& case_id,
                                                        const std::string& revoked_by,
                                                        const domain::AuditEntry& audit) {
    const std::string condition =
        case_id ? "organisation_id = ? AND case_id = ?" : "organisation_id = ?";
    std::vector<SqlValue> params{organisation_id};
    if (case_id) {
        params.emplace_back(*case_id);
    }
    return db_.transaction([&](SqlConnection& c) {
        std::vector<std::string> ids;
        std::vector<std::string> cases;
        for (const auto& row : c.query(db_.sql("SELECT id, case_id FROM shares WHERE " + condition +
                                               " AND revoked_at IS NULL{for_update}"),
                                       params)) {
            ids.push_back(row.text(0));
            cases.push_back(row.text(1));
        }
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const auto n = c.execute(db_.sql("UPDATE shares SET revoked_at = {now}, revoked_by = "
                                             "? WHERE id = ? AND revoked_at IS NULL"),
                                     {revoked_by, ids[i]});
            if (n == 1) {
                c.execute(db_.sql("DELETE FROM portal_sessions WHERE share_id = ?"), {ids[i]});
                domain::AuditEntry entry = audit;
                entry.share_id = ids[i];
                entry.case_id = cases[i];
                insert_audit(db_, c, entry);
            }
        }
        if (case_id) {
            refresh_case_summary(db_, c, organisation_id, *case_id);
        } else {
            refresh_organisation_summaries(db_, c, organisation_id);
        }
        return ids;
    });
}

std::vector<std::string> SqlShareRepository::revoke_case(const std::string& organisation_id,
                                                         const std::string& case_id,
                                                         const std::string& revoked_by,
                                                         const domain::AuditEntry& audit) {
    return revoke_all(organisation_id, case_id, revoked_by, audit);
}

std::vector<std::string> SqlShareRepository::revoke_organisation(const std::string& organisation_id,
                                                                 const std::string& revoked_by,
                                                                 const domain::AuditEntry& audit) {
    return revoke_all(organisation_id, std::nullopt, revoked_by, audit);
}

int SqlShareRepository::remove_item(const std::string& organisation_id, const std::string& case_id,
                                    domain::Section section, const std::string& item_id,
                                    const domain::AuditEntry& audit) {
    const std::string sec(domain::to_text(section));
    return db_.transaction([&](SqlConnection& c) {
        int removed = 0;
        for (const auto& row :
             c.query(db_.sql("SELECT s.id FROM shares s JOIN share_items i ON i.share_id = s.id "
                             "WHERE s.organisation_id = ? AND s.case_id = ? AND i.section = ? AND "
                             "i.item_id = ?{for_update}"),
                     {organisation_id, case_id, sec, item_id})) {
            const std::string share_id = row.text(0);
            removed += static_cast<int>(
                c.execute(db_.sql("DELETE FROM share_items WHERE share_id = ? AND section = ? AND "
                                  "item_id = ?"),
                          {share_id, sec, item_id}));
            domain::AuditEntry entry = audit;
            entry.share_id = share_id;
            insert_audit(db_, c, entry);
        }
        return removed;
    });
}

int SqlShareRepository::mark_creator_removed(const std::string& organisation_id,
                                             const std::string& user_id,
                                             const domain::AuditEntry& audit) {
    return db_.transaction([&](SqlConnection& c) {
        const auto n = c.execute(db_.sql("UPDATE shares SET creator_removed = 1 WHERE "
                                         "organisation_id = ? AND creator_user_id = ?"),
                                 {organisation_id, user_id});
        insert_audit(db_, c, audit);
        return static_cast<int>(n);
    });
}

bool SqlShareRepository::mark_first_opening_recorded(const std::string& share_id) {
    // The condition is the lock: of concurrent first requests only one update matches.
    return update_share(db_,
                        "UPDATE shares SET first_opening_recorded_at = {now} WHERE id = ? AND "
                        "first_opening_recorded_at IS NULL",
                        share_id);
}

bool SqlShareRepository::consume_download(const std::string& share_id) {
    return update_share(db_,
                        "UPDATE shares SET downloads_used = downloads_used + 1 WHERE id = ? AND "
                        "revoked_at IS NULL AND expires_at > {now} AND (download_limit IS NULL OR "
                        "downloads_used < download_limit)",
                        share_id);
}

void SqlShareRepository::release_download(const std::string& share_id) {
    // One statement: concurrent releases cannot drive the count below zero.
    update_share(db_,
                 "UPDATE shares SET downloads_used = downloads_used - 1 WHERE id = ? AND "
                 "downloads_used > 0",
                 share_id);
}

bool SqlShareRepository::pay_download(const std::string& share_id, const std::string& item_key,
                                      const std::string& validator, std::uint64_t item_size,
                                      std::uint64_t bytes) {
    const auto size = static_cast<std::int64_t>(item_size);
    const auto need = static_cast<std::int64_t>(std::min(bytes, item_size));
    // The row is created in a transaction of its own. Created in the payment's transaction, a
    // duplicate insert takes a shared lock that the FOR UPDATE below must upgrade, and concurrent
    // payments upgrading shared locks deadlock each other in InnoDB (20 parallel payments lost 3
    // to deadlocks that outlasted the retries).
    db_.transaction([&](SqlConnection& c) {
        c.execute(db_.sql("{insert_ignore} INTO download_credits (share_id, item_key, validator, "
                          "bytes_left) VALUES (?, ?, ?, 0)"),
                  {share_id, item_key, validator});
    });
    return db_.transaction([&](SqlConnection& c) {
        // Locked from here on, so concurrent payments for one item queue.
        const auto rows =
            c.query(db_.sql("SELECT validator, bytes_left FROM download_credits WHERE share_id "
                            "= ? AND item_key = ?{for_update}"),
                    {share_id, item_key});
        std::int64_t left =
            !rows.empty() && rows.front().text(0) == validator ? rows.front().integer(1) : 0;
        if (left < need) {
            const auto counted = c.execute(
                db_.sql("UPDATE shares SET downloads_used = downloads_used + 1 WHERE id = ? AND "
                        "revoked_at IS NULL AND expires_at > {now} AND download_limit IS NOT "
                        "NULL AND downloads_used < download_limit"),
                {share_id});
            if (counted != 1) {
                return false;
            }
            left += size;
        }
        c.execute(db_.sql("UPDATE download_credits SET validator = ?, bytes_left = ? WHERE "
                          "share_id = ? AND item_key = ?"),
                  {validator, left - need, share_id, item_key});
        return true;
    });
}

void SqlShareRepository::refund_download(const std::string& share_id, const std::string& item_key,
                                         const std::string& validator, std::uint64_t item_size,
                                         std::uint64_t bytes) {
    const auto size = static_cast<std::int64_t>(item_size);
    db_.transaction([&](SqlConnection& c) {
        const auto rows =
            c.query(db_.sql("SELECT validator, bytes_left FROM download_credits WHERE share_id "
                            "= ? AND item_key = ?{for_update}"),
                    {share_id, item_key});
        if (rows.empty() || rows.front().text(0) != validator) {
            return;  // the item changed meanwhile: its old credit is worth nothing
        }
        std::int64_t left = rows.front().integer(1) + static_cast<std::int64_t>(bytes);
        if (size > 0 && left >= size &&
            c.execute(db_.sql("UPDATE shares SET downloads_used = downloads_used - 1 WHERE id = "
                              "? AND downloads_used > 0"),
                      {share_id}) == 1) {
            left -= size;
        }
        c.execute(db_.sql("UPDATE download_credits SET bytes_left = ? WHERE share_id = ? AND "
                          "item_key = ?"),
                  {std::min(left, size), share_id, item_key});
    });
}

std::vector<domain::CaseShareSummary> SqlShareRepository::active_share_summary(
    const std::string& organisation_id, const std::vector<std::string>& case_ids) {
    std::vector<domain::CaseShareSummary> out;
    out.reserve(case_ids.size());
    for (const auto& case_id : case_ids) {
        out.push_back(domain::CaseShareSummary{case_id, 0, {}});
    }
    // Where each id's answer goes; it also tells which rows of an organisation scan were asked for.
    const CaseIdIndex position(case_ids);
    const Record record = [&](std::string_view case_id, std::int64_t count,
                              std::int64_t next_expiry) {
        auto& entry = out[position.find(case_id)];
        entry.active_count = static_cast<int>(count);
        entry.next_expiry = domain::from_epoch_ms(next_expiry);
    };
    db_.read([&](SqlConnection& c) {
        for (auto& entry : out) {  // a retried read starts from nothing
            entry.active_count = 0;
            entry.next_expiry.reset();
        }
        // The clock once per call, bound as a value: every row is judged against the same now.
        const std::int64_t now = c.query(db_.sql("SELECT {now}"), {}).front().integer(0);
        std::vector<std::string> lapsed;
        auto judge = [&](const SqlRow& row) {
            // Only rows whose last expiry is ahead arrive. A row is exact while its first expiry is
            // ahead too; otherwise some of its shares have run out since it was written.
            const std::string& case_id = *row.optional_text(0);
            const std::size_t at = position.find(case_id);
            if (at == CaseIdIndex::npos) {
                return;
            }
            const std::int64_t first = row.integer(2);
            if (first > now) {
                auto& entry = out[at];
                entry.active_count = static_cast<int>(row.integer(1));
                entry.next_expiry = domain::from_epoch_ms(first);
            } else {
                lapsed.push_back(case_id);
            }
        };
        if (case_ids.size() >= kScanFromCases) {
            read_organisation_summaries(c, organisation_id, now, judge);
        } else {
            read_listed_summaries(c, organisation_id, case_ids, now, judge);
        }
        count_live_shares(c, organisation_id, lapsed, now, record);
        return 0;
    });
    for (std::size_t i = 0; position.has_duplicates() && i < out.size(); ++i) {
        // an id listed twice gets the same answer
        if (const std::size_t first = position.find(case_ids[i]); first != i) {
            out[i] = out[first];
        }
    }
    return out;
}

void SqlShareRepository::read_organisation_summaries(SqlConnection& c,
                                                     const std::string& organisation_id,
                                                     std::int64_t now, const Judge& judge) {
    // One covering range scan over the organisation's cases that may have live shares (the
    // caller keeps the ones it asked for): cheaper than thousands of key lookups once the list is
    // long.
    const std::string q = db_.sql(
        "SELECT case_id, live_count, first_expiry FROM case_share_summary WHERE "
        "organisation_id = ? AND last_expiry > ?");
    c.for_each_row(q, {organisation_id, now}, judge);
}

void SqlShareRepository::read_listed_summaries(SqlConnection& c, const std::string& organisation_id,
                                               const std::vector<std::string>& case_ids,
                                               std::int64_t now, const Judge& judge) {
    for_each_case_chunk(organisation_id, case_ids,
                        [&](std::vector<SqlValue>& params, std::size_t n) {
                            // last_expiry is compared here, not in SQL: with it in the WHERE clause
                            // both planners preferred the last_expiry index (a scan of the
                            // organisation) to the key lookups.
                            const std::string q = db_.sql(
                                "SELECT case_id, live_count, first_expiry, last_expiry FROM "
                                "case_share_summary WHERE organisation_id = ? AND case_id IN (" +
                                placeholders(n) + ")");
                            for (const auto& row : c.query(q, params)) {
                                const auto last = row.optional_integer(3);
                                if (last && *last > now) {
                                    judge(row);
                                }
                            }
                        });
}

void SqlShareRepository::count_live_shares(SqlConnection& c, const std::string& organisation_id,
                                           const std::vector<std::string>& case_ids,
                                           std::int64_t now, const Record& record) {
    for_each_case_chunk(
        organisation_id, case_ids, [&](std::vector<SqlValue>& params, std::size_t n) {
            params.emplace_back(now);
            const std::string q = db_.sql(
                "SELECT s.case_id, COUNT(*), MIN(s.expires_at) FROM shares s WHERE "
                "s.organisation_id = ? AND s.case_id IN (" +
                placeholders(n) +
                ") AND s.revoked_at IS NULL AND s.expires_at > ? GROUP BY s.case_id");
            for (const auto& row : c.query(q, params)) {
                record(*row.optional_text(0), row.integer(1), row.integer(2));
            }
        });
}

int SqlShareRepository::refresh_lapsed_summaries(int limit) {
    // Rows whose first expiry has passed send the column back to `shares`; recomputing them keeps
    // that fallback rare. A batch per transaction, so writers wait for one batch at most.
    auto keys = db_.read([&](SqlConnection& c) {
        return c.query(db_.sql("SELECT organisation_id, case_id FROM case_share_summary WHERE "
                               "first_expiry <= {now} LIMIT ?"),
                       {std::int64_t{limit}});
    });
    db_.transaction([&](SqlConnection& c) {
        for (const auto& key : keys) {
            refresh_case_summary(db_, c, key.text(0), key.text(1));
        }
    });
    return static_cast<int>(keys.size());
}

std::vector<ShareRepository::SealedSecrets> SqlShareRepository::sealed_by_other_keys(
    const std::string& key_id, const std::string& after_id, int limit) {
    // A prefix compared with SUBSTR, not LIKE: a key id may contain LIKE's wildcards.
    const std::string prefix = "v1." + key_id + ".";
    const auto length = static_cast<std::int64_t>(prefix.size());
    return db_.read([&](SqlConnection& c) {
        std::vector<SealedSecrets> out;
        for (const auto& row : c.query(
                 db_.sql("SELECT id, sealed_token, sealed_password FROM shares WHERE id > ? AND "
                         "(SUBSTR(sealed_token, 1, ?) <> ? OR (sealed_password IS NOT NULL AND "
                         "SUBSTR(sealed_password, 1, ?) <> ?)) ORDER BY id LIMIT ?"),
                 {after_id, length, prefix, length, prefix, std::int64_t{limit}})) {
            out.push_back({row.text(0), row.text(1), row.optional_text(2)});
        }
        return out;
    });
}

bool SqlShareRepository::reseal(const SealedSecrets& before, const SealedSecrets& after) {
    return db_.transaction([&](SqlConnection& c) {
        if (before.password) {
            return c.execute(db_.sql("UPDATE shares SET sealed_token = ?, sealed_password = ? "
                                     "WHERE id = ? AND sealed_token = ? AND sealed_password = ?"),
                             {after.token, nullable(after.password), before.share_id, before.token,
                              *before.password}) == 1;
        }
        return c.execute(db_.sql("UPDATE shares SET sealed_token = ? WHERE id = ? AND "
                                 "sealed_token = ? AND sealed_password IS NULL"),
                         {after.token, before.share_id, before.token}) == 1;
    });
}

}  // namespace es::store::sql
