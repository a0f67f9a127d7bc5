#include "auth/session_repository.hpp"

#include <ctime>

#include "auth/tokens.hpp"
#include "store/sql_query.hpp"

namespace host {

SessionGrant SessionRepository::create(std::int64_t user_id) {
    SessionGrant g{Tokens::random_token(), Tokens::random_token()};
    auto s = db_.session();
    std::int64_t now = std::time(nullptr);
    sql_execute(s, "DELETE FROM sessions WHERE expires_at < ?", {now});
    sql_execute(s,
                "INSERT INTO sessions (id_hash, user_id, csrf_token, expires_at) VALUES (?,?,?,?)",
                {Tokens::sha256_hex(g.token), user_id, g.csrf_token, now + kLifetimeSeconds});
    return g;
}

std::optional<SessionInfo> SessionRepository::find(const std::string& token) {
    if (token.empty() || token.size() > 128)
        return std::nullopt;
    auto s = db_.session();
    std::int64_t now = std::time(nullptr);
    SqlRows rows(s,
                 "SELECT user_id, csrf_token FROM sessions WHERE id_hash = ? AND expires_at >= ?",
                 {Tokens::sha256_hex(token), now});
    if (rows.empty())
        return std::nullopt;
    return SessionInfo{rows.integer(0, 0), rows.text(0, 1)};
}

void SessionRepository::remove(const std::string& token) {
    auto s = db_.session();
    sql_execute(s, "DELETE FROM sessions WHERE id_hash = ?", {Tokens::sha256_hex(token)});
}

}  // namespace host
