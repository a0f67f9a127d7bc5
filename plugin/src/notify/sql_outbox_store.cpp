#include "notify/sql_outbox_store.hpp"

#include "store/sql/outbox_rows.hpp"

namespace es::notify {

using store::sql::SqlConnection;
using store::sql::SqlValue;

namespace {

constexpr std::size_t kMaxError = 1000;

// Lists are for screens: the payload (facts, possibly a sealed secret) is not theirs to show.
std::vector<domain::OutboxMessage> without_payloads(std::vector<domain::OutboxMessage> rows) {
    for (auto& r : rows) {
        r.payload_json.clear();
    }
    return rows;
}

}  // namespace

std::int64_t SqlOutboxStore::enqueue(const domain::OutboxMessage& message) {
    return db_.transaction(
        [&](SqlConnection& c) { return store::sql::insert_outbox(db_, c, message); });
}

std::vector<domain::OutboxMessage> SqlOutboxStore::claim(int limit, std::chrono::seconds lease) {
    return repository_.claim_due(limit, lease);
}

void SqlOutboxStore::mark_sent(std::int64_t id, const std::string& scrubbed_payload) {
    db_.transaction([&](SqlConnection& c) {
        c.execute(db_.sql("UPDATE outbox SET status = 'sent', last_error = '', payload_json = ? "
                          "WHERE id = ?"),
                  {scrubbed_payload, id});
    });
}

void SqlOutboxStore::reschedule(std::int64_t id, const std::string& error,
                                std::chrono::milliseconds delay) {
    // Only a row still being sent: one dropped meanwhile (its code expired) stays dropped.
    db_.transaction([&](SqlConnection& c) {
        c.execute(db_.sql("UPDATE outbox SET status = 'pending', last_error = ?, "
                          "next_attempt_at = {now} + ? WHERE id = ? AND status = 'sending'"),
                  {error.substr(0, kMaxError), std::int64_t{delay.count()}, id});
    });
}

void SqlOutboxStore::mark_failed(std::int64_t id, const std::string& error,
                                 const std::string& scrubbed_payload,
                                 const std::optional<domain::OutboxMessage>& alert) {
    db_.transaction([&](SqlConnection& c) {
        c.execute(db_.sql("UPDATE outbox SET status = 'failed', last_error = ?, payload_json = ? "
                          "WHERE id = ?"),
                  {error.substr(0, kMaxError), scrubbed_payload, id});
        if (alert) {
            domain::OutboxMessage a = *alert;
            a.next_attempt_at = {};  // due now, by the database clock
            store::sql::insert_outbox(db_, c, a);
        }
    });
}

void SqlOutboxStore::release(std::int64_t id) {
    db_.transaction([&](SqlConnection& c) {
        c.execute(db_.sql("UPDATE outbox SET status = 'pending', attempts = attempts - 1, "
                          "next_attempt_at = {now} WHERE id = ? AND status = 'sending'"),
                  {id});
    });
}

int SqlOutboxStore::expire_overdue() {
    return db_.transaction([&](SqlConnection& c) {
        return static_cast<int>(c.execute(
            db_.sql("UPDATE outbox SET status = 'dropped', payload_json = '{}' WHERE status IN "
                    "('pending', 'sending') AND expires_at IS NOT NULL AND expires_at <= {now}"),
            {}));
    });
}

std::optional<std::chrono::milliseconds> SqlOutboxStore::next_due_in() {
    // 'sending' too: a claim that lapses (its worker died) makes the row due again.
    const auto rows = db_.read([&](SqlConnection& c) {
        return c.query(db_.sql("SELECT MIN(next_attempt_at) - {now} FROM outbox WHERE status IN "
                               "('pending', 'sending')"),
                       {});
    });
    if (rows.empty() || rows.front().is_null(0)) {
        return std::nullopt;
    }
    return std::chrono::milliseconds(rows.front().integer(0));
}

std::vector<domain::OutboxMessage> SqlOutboxStore::list_for_share(
    const std::string& organisation_id, const std::string& share_id) {
    return without_payloads(db_.read([&](SqlConnection& c) {
        std::vector<domain::OutboxMessage> out;
        for (const auto& row :
             c.query(db_.sql(std::string("SELECT ") + store::sql::kOutboxColumns +
                             " FROM outbox WHERE organisation_id = ? AND share_id = ? "
                             "ORDER BY id DESC"),
                     {organisation_id, share_id})) {
            out.push_back(store::sql::outbox_from_row(row));
        }
        return out;
    }));
}

std::vector<domain::OutboxMessage> SqlOutboxStore::list_failed(const std::string& organisation_id,
                                                               int limit) {
    return without_payloads(db_.read([&](SqlConnection& c) {
        std::vector<domain::OutboxMessage> out;
        for (const auto& row :
             c.query(db_.sql(std::string("SELECT ") + store::sql::kOutboxColumns +
                             " FROM outbox WHERE organisation_id = ? AND status = 'failed' "
                             "ORDER BY id DESC LIMIT ?"),
                     {organisation_id, std::int64_t{limit}})) {
            out.push_back(store::sql::outbox_from_row(row));
        }
        return out;
    }));
}

std::optional<domain::OutboxMessage> SqlOutboxStore::find(std::int64_t id) {
    return repository_.find(id);
}

}  // namespace es::notify
