#include "store/sql/sql_reminder_repository.hpp"

#include "store/sql/outbox_rows.hpp"
#include "store/sql/share_rows.hpp"

namespace es::store::sql {

const char* const kExpiryChangeClauses =
    "expiry_reminder_sent_at = CASE WHEN ? > expires_at THEN NULL ELSE expiry_reminder_sent_at "
    "END, expiry_set_at = {now}";

std::vector<domain::Share> SqlReminderRepository::due_for_reminder(int default_days, int limit) {
    // The organisation's window in days: its organisation-wide override, else the default. The
    // override is text; "+ 0" makes it a number in both dialects (CAST differs between them).
    // An expiry that was set less than a window ahead (a 24-hour e-mailed link, an extension by
    // a day) is left alone: the owner chose it a moment ago.
    static const std::string kWindowDays = "COALESCE(o.value + 0, ?)";
    const std::string statement =
        "SELECT " + share_columns("s.") +
        " FROM shares s LEFT JOIN policy_overrides o ON o.organisation_id = s.organisation_id AND "
        "o.case_type_id = '' AND o.policy_key = 'expiry_reminder_days' "
        "WHERE s.expiry_reminder_sent_at IS NULL AND s.revoked_at IS NULL AND s.expires_at > "
        "{now} AND " +
        kWindowDays + " > 0 AND s.expires_at <= {now} + " + kWindowDays +
        " * 86400000 AND s.expires_at - COALESCE(s.expiry_set_at, s.created_at) > " + kWindowDays +
        " * 86400000 ORDER BY s.expires_at, s.id LIMIT ?";
    const std::int64_t days = default_days;
    return db_.read([&](SqlConnection& c) {
        std::vector<domain::Share> out;
        for (const auto& row :
             c.query(db_.sql(statement), {days, days, days, std::int64_t{limit}})) {
            out.push_back(share_from_row(row));
        }
        return out;
    });
}

bool SqlReminderRepository::mark_reminded(const std::string& share_id, domain::Timestamp expires_at,
                                          const std::optional<domain::OutboxMessage>& message) {
    return db_.transaction([&](SqlConnection& c) {
        // The condition is the lock: of two instances that read the share as due, only the first
        // update matches; the other queues nothing. The expiry must still be the one the message
        // names.
        const auto n = c.execute(
            db_.sql("UPDATE shares SET expiry_reminder_sent_at = {now} WHERE id = ? AND "
                    "expiry_reminder_sent_at IS NULL AND revoked_at IS NULL AND expires_at = ? "
                    "AND expires_at > {now}"),
            {share_id, domain::to_epoch_ms(expires_at)});
        if (n != 1) {
            return false;
        }
        if (message) {
            insert_outbox(db_, c, *message);
        }
        return true;
    });
}

}  // namespace es::store::sql
