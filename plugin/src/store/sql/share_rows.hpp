// How a Share maps onto a row of `shares`, and the audit insert every share change shares.
#pragma once

#include <string>
#include <vector>

#include "domain/audit_entry.hpp"
#include "domain/share.hpp"
#include "store/sql/database.hpp"
#include "store/sql/sql_connection.hpp"
#include "store/sql/sql_row.hpp"

namespace es::store::sql {

// The column list of a share, in the order share_from_row reads it, each column prefixed
// ("s." where tables are joined).
std::string share_columns(const std::string& prefix);
inline constexpr std::size_t kShareColumnCount = 26;

domain::Share share_from_row(const SqlRow& row, std::size_t first = 0);
std::vector<SqlValue> share_values(const domain::Share& share);

// Appends the entry with the database clock as its time.
void insert_audit(const Database& db, SqlConnection& c, const domain::AuditEntry& entry);

}  // namespace es::store::sql
