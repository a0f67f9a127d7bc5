#include "store/sql/sql_portal_session_repository.hpp"

namespace es::store::sql {

namespace {
std::int64_t ms(std::chrono::minutes m) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(m).count();
}

// last_seen_at is touched at most once per this interval, so a page view normally costs no write
// (on SQLite every write serialises on the single writer). A session may therefore count as idle
// up to this long before its real last request: it expires at most 60 s early, never late, which
// is fine because the idle limit is given in minutes.
constexpr std::int64_t kTouchIntervalMs = 60'000;
}  // namespace

void SqlPortalSessionRepository::create(const domain::PortalSession& s) {
    db_.transaction([&](SqlConnection& c) {
        c.execute(db_.sql("INSERT INTO portal_sessions (session_hash, share_id, created_at, "
                          "last_seen_at, password_generation, password_passed, code_passed) "
                          "VALUES (?, ?, {now}, {now}, ?, ?, ?)"),
                  {s.session_hash, s.share_id, s.password_generation,
                   std::int64_t{s.password_passed ? 1 : 0}, std::int64_t{s.code_passed ? 1 : 0}});
    });
}

std::optional<domain::PortalSession> SqlPortalSessionRepository::find_valid(
    const std::string& session_hash, std::chrono::minutes idle) {
    auto rows = db_.read([&](SqlConnection& c) {
        return c.query(
            db_.sql("SELECT p.session_hash, p.share_id, p.created_at, p.last_seen_at, "
                    "p.password_generation, p.password_passed, p.code_passed, {now} FROM "
                    "portal_sessions "
                    "p JOIN shares s ON s.id = p.share_id WHERE p.session_hash = ? AND "
                    "s.revoked_at IS NULL AND s.expires_at > {now} AND s.password_generation = "
                    "p.password_generation AND p.last_seen_at > {now} - ?"),
            {session_hash, ms(idle)});
    });
    if (rows.empty()) {
        return std::nullopt;
    }
    const auto& r = rows.front();
    domain::PortalSession out{r.text(0),
                              r.text(1),
                              domain::from_epoch_ms(r.integer(2)),
                              domain::from_epoch_ms(r.integer(3)),
                              r.integer(4),
                              r.integer(5) != 0,
                              r.integer(6) != 0};
    // Decided on the values just read, so a recent touch costs no write transaction at all; the
    // condition is repeated in the UPDATE so that concurrent requests of one session touch it once.
    const std::int64_t now = r.integer(7);
    if (r.integer(3) < now - kTouchIntervalMs) {
        db_.transaction([&](SqlConnection& c) {
            c.execute(db_.sql("UPDATE portal_sessions SET last_seen_at = ? WHERE session_hash = ? "
                              "AND last_seen_at < ?"),
                      {now, session_hash, now - kTouchIntervalMs});
        });
    }
    return out;
}

void SqlPortalSessionRepository::mark_passed(const std::string& session_hash, bool password,
                                             bool code) {
    db_.transaction([&](SqlConnection& c) {
        c.execute(db_.sql("UPDATE portal_sessions SET password_passed = CASE WHEN ? = 1 THEN 1 "
                          "ELSE password_passed END, code_passed = CASE WHEN ? = 1 THEN 1 ELSE "
                          "code_passed END WHERE session_hash = ?"),
                  {std::int64_t{password ? 1 : 0}, std::int64_t{code ? 1 : 0}, session_hash});
    });
}

void SqlPortalSessionRepository::remove(const std::string& session_hash) {
    db_.transaction([&](SqlConnection& c) {
        c.execute(db_.sql("DELETE FROM portal_sessions WHERE session_hash = ?"), {session_hash});
    });
}

int SqlPortalSessionRepository::purge_idle(std::chrono::minutes idle) {
    return db_.transaction([&](SqlConnection& c) {
        return static_cast<int>(c.execute(
            db_.sql("DELETE FROM portal_sessions WHERE last_seen_at <= {now} - ?"), {ms(idle)}));
    });
}

}  // namespace es::store::sql
