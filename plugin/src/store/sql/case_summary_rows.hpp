// Keeps `case_share_summary` (one row per case that has shares: how many were live when the row
// was written, and the first and last of their expiries) in step with `shares`.
//
// Every write that can change a case's set of live shares calls one of these inside its own
// transaction, after changing `shares`. They recompute the row from `shares` instead of adjusting
// counts, so a row is always exactly what `shares` said at that moment, whatever the write did.
// On MySQL the INSERT … SELECT reads `shares` with shared locks, so two concurrent writers to one
// case cannot both compute from a state without the other's share.
#pragma once

#include <string>

#include "store/sql/database.hpp"
#include "store/sql/sql_connection.hpp"

namespace es::store::sql {

// Recomputes the row of one case.
void refresh_case_summary(const Database& db, SqlConnection& c, const std::string& organisation_id,
                          const std::string& case_id);

// Recomputes the row of the case a share belongs to (nothing for an unknown share).
void refresh_case_summary_of_share(const Database& db, SqlConnection& c,
                                   const std::string& organisation_id, const std::string& share_id);

// Recomputes every row of an organisation in one set-based statement.
void refresh_organisation_summaries(const Database& db, SqlConnection& c,
                                    const std::string& organisation_id);

}  // namespace es::store::sql
