#include "store/sql/sql_throttle_repository.hpp"

namespace es::store::sql {

namespace {
std::int64_t ms(std::chrono::seconds s) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(s).count();
}
}  // namespace

void SqlThrottleRepository::ensure_row(SqlConnection& c, const std::string& key) {
    // Write-lock an existing row before anything else touches it. Starting with the INSERT IGNORE
    // instead takes a shared lock on the existing key, and concurrent hits that then upgrade their
    // shared locks to write locks deadlock each other in InnoDB (seen with 12 threads on one key).
    if (c.execute(db_.sql("UPDATE throttle SET updated_at = {now} WHERE throttle_key = ?"), {key}) >
        0) {
        return;
    }
    c.execute(db_.sql("{insert_ignore} INTO throttle (throttle_key, window_start, hits, "
                      "next_allowed_at, updated_at) VALUES (?, {now}, 0, 0, {now})"),
              {key});
}

bool SqlThrottleRepository::try_hit(const std::string& key, std::chrono::seconds window,
                                    int limit) {
    return db_.transaction([&](SqlConnection& c) {
        ensure_row(c, key);
        c.execute(db_.sql("UPDATE throttle SET window_start = {now}, hits = 0 WHERE throttle_key "
                          "= ? AND window_start <= {now} - ?"),
                  {key, ms(window)});
        // The limit is checked by the statement that counts: a refused hit changes nothing.
        return c.execute(db_.sql("UPDATE throttle SET hits = hits + 1, updated_at = {now} WHERE "
                                 "throttle_key = ? AND hits < ?"),
                         {key, std::int64_t{limit}}) == 1;
    });
}

void SqlThrottleRepository::block_for(const std::string& key, std::chrono::seconds delay) {
    db_.transaction([&](SqlConnection& c) {
        ensure_row(c, key);
        c.execute(db_.sql("UPDATE throttle SET next_allowed_at = {now} + ?, updated_at = {now} "
                          "WHERE throttle_key = ?"),
                  {ms(delay), key});
    });
}

std::optional<std::chrono::milliseconds> SqlThrottleRepository::blocked_for(
    const std::string& key) {
    auto rows = db_.read([&](SqlConnection& c) {
        return c.query(db_.sql("SELECT next_allowed_at - {now} FROM throttle WHERE throttle_key = "
                               "? AND next_allowed_at > {now}"),
                       {key});
    });
    if (rows.empty()) {
        return std::nullopt;
    }
    return std::chrono::milliseconds(rows.front().integer(0));
}

void SqlThrottleRepository::reset(const std::string& key) {
    db_.transaction([&](SqlConnection& c) {
        c.execute(db_.sql("DELETE FROM throttle WHERE throttle_key = ?"), {key});
    });
}

int SqlThrottleRepository::purge_older_than(std::chrono::seconds age) {
    return db_.transaction([&](SqlConnection& c) {
        return static_cast<int>(c.execute(db_.sql("DELETE FROM throttle WHERE updated_at < {now} "
                                                  "- ? AND next_allowed_at < {now}"),
                                          {ms(age)}));
    });
}

}  // namespace es::store::sql
