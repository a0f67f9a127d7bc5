// Migration 2's backfill of `case_share_summary` from `shares`: the same aggregate on SQLite and
// MySQL, written once. Only the subquery that reads the database clock differs per dialect (and
// MySQL appends its upsert to the statement).
//
// This text belongs to a released migration on both backends, and a released migration is never
// edited (a change is a new migration): it may be shared only because neither side may change.
#pragma once

#include <string>
#include <string_view>

namespace es::store::sql {

// The INSERT … SELECT, with `clock_ms_subquery` (a derived table with one column `clock_ms`, the
// database's clock in epoch milliseconds) as the table `n` it compares expiries with.
std::string case_summary_backfill(std::string_view clock_ms_subquery);

}  // namespace es::store::sql
