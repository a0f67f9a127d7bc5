#include "store/sql/sql_throttle_repository.hpp"

#include <algorithm>

#include "store/sql/share_rows.hpp"
#include "store/sql/throttle_rows.hpp"

namespace es::store::sql {

bool SqlThrottleRepository::try_hit(const std::string& key, std::chrono::seconds window,
                                    int limit) {
    return with_throttle_rows(
        db_, {key}, [&](SqlConnection& c) { return count_hit(db_, c, key, window, limit); });
}

ThrottleRepository::QuotaCheck SqlThrottleRepository::try_hit_all(const std::vector<Quota>& quotas,
                                                                  std::chrono::seconds window) {
    // Rows are locked in key order (see with_throttle_rows), quotas checked in the caller's order.
    std::vector<std::string> keys;
    for (const auto& q : quotas) {
        keys.push_back(q.key);
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return with_throttle_rows(db_, keys, [&](SqlConnection& c) {
        QuotaCheck check;
        for (std::size_t i = 0; i < quotas.size(); ++i) {
            if (!count_hit(db_, c, quotas[i].key, window, quotas[i].limit)) {
                check.refused = i;
                check.retry_after = window_left(db_, c, quotas[i].key, window);
                // Taking back the hits counted before keeps "all or none" without a rollback
                // (which the caller would see as a failure); the rows are still locked.
                for (std::size_t j = 0; j < i; ++j) {
                    c.execute(db_.sql("UPDATE throttle SET hits = hits - 1 WHERE throttle_key = "
                                      "? AND hits > 0"),
                              {quotas[j].key});
                }
                return check;
            }
        }
        return check;
    });
}

ThrottleRepository::Reservation SqlThrottleRepository::reserve(const std::string& own_key,
                                                               const std::string& shared_key,
                                                               std::chrono::seconds window,
                                                               const BlockRule& rule) {
    const auto window_ms = milliseconds_of(window);
    return with_throttle_rows(db_, {shared_key, own_key}, [&](SqlConnection& c) {
        Reservation r;
        for (const auto& key : {shared_key, own_key}) {
            c.execute(db_.sql("UPDATE throttle SET window_start = {now}, hits = 0 WHERE "
                              "throttle_key = ? AND window_start <= {now} - ?"),
                      {key, window_ms});
        }
        // The reservation: one conditional statement counts the hit only while the key is free.
        if (c.execute(db_.sql("UPDATE throttle SET hits = hits + 1 WHERE throttle_key = ? AND "
                              "next_allowed_at <= {now}"),
                      {own_key}) != 1) {
            const auto rows = c.query(
                db_.sql("SELECT next_allowed_at - {now} FROM throttle WHERE throttle_key = ?"),
                {own_key});
            r.wait = std::chrono::milliseconds(
                std::max<std::int64_t>(1, rows.empty() ? 1 : rows.front().integer(0)));
            return r;
        }
        c.execute(db_.sql("UPDATE throttle SET hits = hits + 1 WHERE throttle_key = ?"),
                  {shared_key});
        const auto own =
            c.query(db_.sql("SELECT hits FROM throttle WHERE throttle_key = ?"), {own_key});
        const auto shared = c.query(
            db_.sql("SELECT hits, window_start + ? - {now} FROM throttle WHERE throttle_key = ?"),
            {window_ms, shared_key});
        r.granted = true;
        r.counts.own = static_cast<int>(own.front().integer(0));
        r.counts.shared = static_cast<int>(shared.front().integer(0));
        r.counts.shared_window_left =
            std::chrono::milliseconds(std::max<std::int64_t>(0, shared.front().integer(1)));
        r.blocked = std::max(std::chrono::milliseconds(0), rule(r.counts));
        if (r.blocked.count() > 0) {
            c.execute(db_.sql("UPDATE throttle SET next_allowed_at = {now} + ? WHERE "
                              "throttle_key = ?"),
                      {std::int64_t{r.blocked.count()}, own_key});
        }
        return r;
    });
}

void SqlThrottleRepository::block_for(const std::string& key, std::chrono::seconds delay) {
    with_throttle_rows(db_, {key}, [&](SqlConnection& c) {
        c.execute(db_.sql("UPDATE throttle SET next_allowed_at = {now} + ?, updated_at = {now} "
                          "WHERE throttle_key = ?"),
                  {milliseconds_of(delay), key});
        return true;
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

int SqlThrottleRepository::reset_prefix(const std::string& prefix,
                                        const domain::AuditEntry& audit) {
    // A range on the primary key instead of LIKE: no wildcard in a key can widen it, and both
    // backends compare keys bytewise (SQLite BINARY, MySQL utf8mb4_bin). Every key with the
    // prefix is >= the prefix and < the prefix with its last byte raised by one.
    std::string end = prefix;
    if (end.empty() || static_cast<unsigned char>(end.back()) == 0xff) {
        throw domain::Error(domain::Error::Kind::InvalidInput, "throttle key prefix unusable");
    }
    end.back() = static_cast<char>(end.back() + 1);
    return db_.transaction([&](SqlConnection& c) {
        const auto n =
            c.execute(db_.sql("DELETE FROM throttle WHERE throttle_key >= ? AND throttle_key < ?"),
                      {prefix, end});
        insert_audit(db_, c, audit);
        return static_cast<int>(n);
    });
}

int SqlThrottleRepository::purge_older_than(std::chrono::seconds age) {
    return db_.transaction([&](SqlConnection& c) {
        return static_cast<int>(c.execute(db_.sql("DELETE FROM throttle WHERE updated_at < {now} "
                                                  "- ? AND next_allowed_at < {now}"),
                                          {milliseconds_of(age)}));
    });
}

}  // namespace es::store::sql
