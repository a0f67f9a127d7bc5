#include "store/sql/throttle_rows.hpp"

#include <algorithm>

namespace es::store::sql {

std::int64_t milliseconds_of(std::chrono::seconds s) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(s).count();
}

bool lock_throttle_row(const Database& db, SqlConnection& c, const std::string& key) {
    // An UPDATE first: it takes the write lock at once. Reading first would take a shared lock,
    // and concurrent hits upgrading shared locks to write locks deadlock each other in InnoDB.
    return c.execute(db.sql("UPDATE throttle SET updated_at = {now} WHERE throttle_key = ?"),
                     {key}) > 0;
}

void create_throttle_row(Database& db, const std::string& key) {
    db.transaction([&](SqlConnection& c) {
        c.execute(db.sql("{insert_ignore} INTO throttle (throttle_key, window_start, hits, "
                         "next_allowed_at, updated_at) VALUES (?, {now}, 0, 0, {now})"),
                  {key});
    });
}

bool count_hit(const Database& db, SqlConnection& c, const std::string& key,
               std::chrono::seconds window, int limit) {
    c.execute(db.sql("UPDATE throttle SET window_start = {now}, hits = 0 WHERE throttle_key = ? "
                     "AND window_start <= {now} - ?"),
              {key, milliseconds_of(window)});
    // The limit is checked by the statement that counts: a refused hit changes nothing.
    return c.execute(db.sql("UPDATE throttle SET hits = hits + 1, updated_at = {now} WHERE "
                            "throttle_key = ? AND hits < ?"),
                     {key, std::int64_t{limit}}) == 1;
}

std::chrono::milliseconds window_left(const Database& db, SqlConnection& c, const std::string& key,
                                      std::chrono::seconds window) {
    const auto rows =
        c.query(db.sql("SELECT window_start + ? - {now} FROM throttle WHERE throttle_key = ?"),
                {milliseconds_of(window), key});
    const std::int64_t left = rows.empty() ? 0 : rows.front().integer(0);
    return std::chrono::milliseconds(std::max<std::int64_t>(0, left));
}

}  // namespace es::store::sql
