#include "store/sql/outbox_rows.hpp"

namespace es::store::sql {

const char* const kOutboxColumns =
    "id, organisation_id, share_id, kind, channel, recipient_address, payload_json, created_at, "
    "next_attempt_at, attempts, status, last_error, expires_at";

domain::OutboxMessage outbox_from_row(const SqlRow& r) {
    domain::OutboxMessage m;
    m.id = r.integer(0);
    m.organisation_id = r.text(1);
    m.share_id = r.text(2);
    m.kind = r.text(3);
    m.channel = r.text(4);
    m.recipient_address = r.text(5);
    m.payload_json = r.text(6);
    m.created_at = domain::from_epoch_ms(r.integer(7));
    m.next_attempt_at = domain::from_epoch_ms(r.integer(8));
    m.attempts = static_cast<int>(r.integer(9));
    m.status = domain::parse_outbox_status(r.text(10));
    m.last_error = r.text(11);
    if (auto e = r.optional_integer(12)) {
        m.expires_at = domain::from_epoch_ms(*e);
    }
    return m;
}

std::int64_t insert_outbox(const Database& db, SqlConnection& c, const domain::OutboxMessage& m) {
    const auto next = domain::to_epoch_ms(m.next_attempt_at);
    c.execute(db.sql("INSERT INTO outbox (organisation_id, share_id, kind, channel, "
                     "recipient_address, payload_json, created_at, next_attempt_at, attempts, "
                     "status, last_error, expires_at) VALUES (?, ?, ?, ?, ?, ?, {now}, "
                     "COALESCE(?, {now}), 0, 'pending', '', ?)"),
              {m.organisation_id, m.share_id, m.kind, m.channel, m.recipient_address,
               m.payload_json, next == 0 ? SqlValue() : SqlValue(next),
               m.expires_at ? SqlValue(domain::to_epoch_ms(*m.expires_at)) : SqlValue()});
    return c.last_insert_id();
}

}  // namespace es::store::sql
