#include "store/sql/sql_outbox_repository.hpp"

#include "store/sql/outbox_rows.hpp"

namespace es::store::sql {

namespace {

constexpr std::size_t kMaxError = 1000;

std::int64_t ms(std::chrono::seconds s) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(s).count();
}

}  // namespace

std::int64_t SqlOutboxRepository::enqueue(const domain::OutboxMessage& message) {
    return db_.transaction([&](SqlConnection& c) { return insert_outbox(db_, c, message); });
}

std::vector<domain::OutboxMessage> SqlOutboxRepository::claim(int limit,
                                                              std::chrono::seconds lease) {
    // Candidates first, then one conditional UPDATE per row: whoever changes the row owns it, so
    // concurrent workers never claim the same message.
    const auto candidates = db_.read([&](SqlConnection& c) {
        return c.query(db_.sql("SELECT id FROM outbox WHERE status IN ('pending', 'sending') AND "
                               "next_attempt_at <= {now} AND (expires_at IS NULL OR expires_at > "
                               "{now}) ORDER BY next_attempt_at, id LIMIT ?"),
                       {std::int64_t{limit}});
    });
    std::vector<domain::OutboxMessage> out;
    for (const auto& row : candidates) {
        const auto id = row.integer(0);
        auto claimed =
            db_.transaction([&](SqlConnection& c) -> std::optional<domain::OutboxMessage> {
                const auto n = c.execute(
                    db_.sql("UPDATE outbox SET status = 'sending', attempts = attempts + 1, "
                            "next_attempt_at = {now} + ? WHERE id = ? AND status IN ('pending', "
                            "'sending') AND next_attempt_at <= {now}"),
                    {ms(lease), id});
                if (n != 1) {
                    return std::nullopt;
                }
                auto rows = c.query(
                    db_.sql(std::string("SELECT ") + kOutboxColumns + " FROM outbox WHERE id = ?"),
                    {id});
                return outbox_from_row(rows.front());
            });
        if (claimed) {
            out.push_back(std::move(*claimed));
        }
    }
    return out;
}

// Every change of a claimed row holds only for the claim the caller has: still "sending", with
// the attempts its claim counted (a later claim counts one more). True when the row was changed.
bool SqlOutboxRepository::change_claimed(SqlConnection& c, const std::string& set,
                                         std::vector<SqlValue> params, std::int64_t id,
                                         int attempts) {
    params.emplace_back(id);
    params.emplace_back(std::int64_t{attempts});
    return c.execute(db_.sql("UPDATE outbox SET " + set +
                             " WHERE id = ? AND status = 'sending' AND attempts = ?"),
                     params) == 1;
}

bool SqlOutboxRepository::renew(std::int64_t id, int attempts, std::chrono::seconds lease) {
    return db_.transaction([&](SqlConnection& c) {
        return change_claimed(c, "next_attempt_at = {now} + ?", {ms(lease)}, id, attempts);
    });
}

bool SqlOutboxRepository::mark_sent(std::int64_t id, int attempts,
                                    const std::string& scrubbed_payload) {
    return db_.transaction([&](SqlConnection& c) {
        return change_claimed(c, "status = 'sent', last_error = '', payload_json = ?",
                              {scrubbed_payload}, id, attempts);
    });
}

bool SqlOutboxRepository::reschedule(std::int64_t id, int attempts, const std::string& error,
                                     std::chrono::milliseconds delay) {
    return db_.transaction([&](SqlConnection& c) {
        return change_claimed(c, "status = 'pending', last_error = ?, next_attempt_at = {now} + ?",
                              {error.substr(0, kMaxError), std::int64_t{delay.count()}}, id,
                              attempts);
    });
}

bool SqlOutboxRepository::mark_failed(std::int64_t id, int attempts, const std::string& error,
                                      const std::string& scrubbed_payload,
                                      const std::optional<domain::OutboxMessage>& alert) {
    return db_.transaction([&](SqlConnection& c) {
        if (!change_claimed(c, "status = 'failed', last_error = ?, payload_json = ?",
                            {error.substr(0, kMaxError), scrubbed_payload}, id, attempts)) {
            return false;  // the row's new owner decides, and alerts if it gives up too
        }
        if (alert) {
            domain::OutboxMessage a = *alert;
            a.next_attempt_at = {};  // due now, by the database clock
            insert_outbox(db_, c, a);
        }
        return true;
    });
}

bool SqlOutboxRepository::release(std::int64_t id, int attempts) {
    return db_.transaction([&](SqlConnection& c) {
        return change_claimed(c,
                              "status = 'pending', attempts = attempts - 1, "
                              "next_attempt_at = {now}",
                              {}, id, attempts);
    });
}

int SqlOutboxRepository::expire_overdue() {
    return db_.transaction([&](SqlConnection& c) {
        return static_cast<int>(c.execute(
            db_.sql("UPDATE outbox SET status = 'dropped', payload_json = '{}' WHERE status IN "
                    "('pending', 'sending') AND expires_at IS NOT NULL AND expires_at <= {now}"),
            {}));
    });
}

std::optional<std::chrono::milliseconds> SqlOutboxRepository::next_due_in() {
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

std::optional<domain::OutboxMessage> SqlOutboxRepository::find(std::int64_t id) {
    return db_.read([&](SqlConnection& c) -> std::optional<domain::OutboxMessage> {
        auto rows = c.query(
            db_.sql(std::string("SELECT ") + kOutboxColumns + " FROM outbox WHERE id = ?"), {id});
        if (rows.empty()) {
            return std::nullopt;
        }
        return outbox_from_row(rows.front());
    });
}

std::vector<domain::OutboxMessage> SqlOutboxRepository::for_share(const std::string& share_id) {
    return db_.read([&](SqlConnection& c) {
        std::vector<domain::OutboxMessage> out;
        for (const auto& row : c.query(db_.sql(std::string("SELECT ") + kOutboxColumns +
                                               " FROM outbox WHERE share_id = ? ORDER BY id"),
                                       {share_id})) {
            out.push_back(outbox_from_row(row));
        }
        return out;
    });
}

std::vector<domain::OutboxMessage> SqlOutboxRepository::list_failed(
    const std::string& organisation_id, int limit) {
    return db_.read([&](SqlConnection& c) {
        std::vector<domain::OutboxMessage> out;
        for (const auto& row :
             c.query(db_.sql(std::string("SELECT ") + kOutboxColumns +
                             " FROM outbox WHERE organisation_id = ? AND status = 'failed' "
                             "ORDER BY id DESC LIMIT ?"),
                     {organisation_id, std::int64_t{limit}})) {
            // A screen's list: the payload (facts, possibly a sealed secret) is not its to show.
            auto message = outbox_from_row(row);
            message.payload_json.clear();
            out.push_back(std::move(message));
        }
        return out;
    });
}

}  // namespace es::store::sql
