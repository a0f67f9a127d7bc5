// How an OutboxMessage maps onto a row of `outbox`.
#pragma once

#include <string>

#include "domain/outbox_message.hpp"
#include "store/sql/database.hpp"
#include "store/sql/sql_connection.hpp"

namespace es::store::sql {

extern const char* const kOutboxColumns;

domain::OutboxMessage outbox_from_row(const SqlRow& row);

// Inserts as pending; created_at is the database clock, next_attempt_at too unless given.
std::int64_t insert_outbox(const Database& db, SqlConnection& c, const domain::OutboxMessage& m);

}  // namespace es::store::sql
