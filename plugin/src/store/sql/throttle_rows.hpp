// The statements every user of the `throttle` table shares: taking a key's row for a transaction,
// and counting a hit in its window. The rows live in one table for the throttle repository and the
// owner alerts' hourly marks alike.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "store/sql/database.hpp"
#include "store/sql/sql_connection.hpp"

namespace es::store::sql {

std::int64_t milliseconds_of(std::chrono::seconds s);

// Runs f(SqlConnection&) in one transaction that holds the write lock on every row of `keys`
// (creating missing rows first), in the order given. Callers give keys in one global order (the
// shorter share-wide key before the keys below it) so that two transactions never wait for each
// other's rows in opposite orders.
//
// Missing rows are created by single INSERT IGNORE statements outside the transaction, which then
// only ever updates rows that exist: a burst of first hits inserting one new key inside their
// transactions would take gap locks under REPEATABLE READ, which can deadlock in InnoDB.
template <class F>
auto with_throttle_rows(Database& db, const std::vector<std::string>& keys, F&& f);

// Starts the key's window afresh when it is older than `window`, then counts one hit when fewer
// than `limit` were counted in it. True when counted. The row must be held (with_throttle_rows).
bool count_hit(const Database& db, SqlConnection& c, const std::string& key,
               std::chrono::seconds window, int limit);

// Until the key's current window restarts (never negative). The row must exist.
std::chrono::milliseconds window_left(const Database& db, SqlConnection& c, const std::string& key,
                                      std::chrono::seconds window);

// ---- implementation ------------------------------------------------------------------------

// Write-locks the key's row (touching updated_at); false when there is none.
bool lock_throttle_row(const Database& db, SqlConnection& c, const std::string& key);
void create_throttle_row(Database& db, const std::string& key);

template <class F>
auto with_throttle_rows(Database& db, const std::vector<std::string>& keys, F&& f) {
    for (;;) {
        bool complete = true;
        auto out = db.transaction([&](SqlConnection& c) {
            complete = true;
            for (const auto& key : keys) {
                if (!lock_throttle_row(db, c, key)) {
                    complete = false;
                    return decltype(f(c)){};
                }
            }
            return f(c);
        });
        if (complete) {
            return out;
        }
        for (const auto& key : keys) {
            create_throttle_row(db, key);
        }
    }
}

}  // namespace es::store::sql
