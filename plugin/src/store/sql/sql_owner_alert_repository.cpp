#include "store/sql/sql_owner_alert_repository.hpp"

#include "store/sql/outbox_rows.hpp"
#include "store/sql/throttle_rows.hpp"

namespace es::store::sql {

namespace {

std::int64_t milliseconds(std::chrono::seconds interval) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(interval).count();
}

}  // namespace

std::optional<domain::Timestamp> SqlOwnerAlertRepository::first_opened_at(
    const std::string& share_id) {
    return db_.read([&](SqlConnection& c) -> std::optional<domain::Timestamp> {
        const auto rows =
            c.query(db_.sql("SELECT first_opened_at FROM shares WHERE id = ?"), {share_id});
        if (rows.empty() || rows.front().is_null(0)) {
            return std::nullopt;
        }
        return domain::from_epoch_ms(rows.front().integer(0));
    });
}

bool SqlOwnerAlertRepository::mark_first_opened(
    const std::string& share_id, const std::optional<domain::OutboxMessage>& message) {
    return db_.transaction([&](SqlConnection& c) {
        // The condition is the lock: of concurrent first requests only one update matches, and
        // only that one queues the alert.
        const auto n = c.execute(db_.sql("UPDATE shares SET first_opened_at = {now} WHERE id = ? "
                                         "AND first_opened_at IS NULL"),
                                 {share_id});
        if (n != 1) {
            return false;
        }
        if (message) {
            insert_outbox(db_, c, *message);
        }
        return true;
    });
}

bool SqlOwnerAlertRepository::failed_attempts_alert_due(const std::string& share_id,
                                                        std::chrono::seconds interval) {
    return db_.read([&](SqlConnection& c) {
        const auto rows = c.query(
            db_.sql("SELECT COUNT(*) FROM shares WHERE id = ? AND (failed_attempts_alerted_at IS "
                    "NULL OR failed_attempts_alerted_at <= {now} - ?)"),
            {share_id, milliseconds(interval)});
        return !rows.empty() && rows.front().integer(0) > 0;
    });
}

bool SqlOwnerAlertRepository::mark_failed_attempts_alerted(
    const std::string& share_id, std::chrono::seconds interval,
    const std::optional<domain::OutboxMessage>& message) {
    return db_.transaction([&](SqlConnection& c) {
        // As above: the interval is checked and restarted in one statement, so a flood of
        // failures from many clients queues one alert per interval.
        const auto n = c.execute(
            db_.sql("UPDATE shares SET failed_attempts_alerted_at = {now} WHERE id = ? AND "
                    "(failed_attempts_alerted_at IS NULL OR failed_attempts_alerted_at <= {now} - "
                    "?)"),
            {share_id, milliseconds(interval)});
        if (n != 1) {
            return false;
        }
        if (message) {
            insert_outbox(db_, c, *message);
        }
        return true;
    });
}

bool SqlOwnerAlertRepository::code_limit_alert_due(const std::string& mark_key,
                                                   std::chrono::seconds interval) {
    return db_.read([&](SqlConnection& c) {
        const auto rows = c.query(db_.sql("SELECT COUNT(*) FROM throttle WHERE throttle_key = ? "
                                          "AND hits > 0 AND window_start > {now} - ?"),
                                  {mark_key, milliseconds(interval)});
        return rows.empty() || rows.front().integer(0) == 0;
    });
}

bool SqlOwnerAlertRepository::mark_code_limit_alerted(
    const std::string& mark_key, std::chrono::seconds interval,
    const std::optional<domain::OutboxMessage>& message) {
    return with_throttle_rows(db_, {mark_key}, [&](SqlConnection& c) {
        // One hit per interval on the mark: of concurrent refusals only one counts it, and only
        // that one queues the alert.
        if (!count_hit(db_, c, mark_key, interval, 1)) {
            return false;
        }
        if (message) {
            insert_outbox(db_, c, *message);
        }
        return true;
    });
}

}  // namespace es::store::sql
