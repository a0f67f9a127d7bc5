#include "store/sql/sql_code_repository.hpp"

#include "crypto/constant_time.hpp"
#include "store/sql/outbox_rows.hpp"

namespace es::store::sql {

void SqlCodeRepository::insert_code(SqlConnection& c, const std::string& share_id,
                                    const std::string& pre_session_hash,
                                    const std::string& code_digest, std::chrono::minutes lifetime) {
    const auto lifetime_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(lifetime).count();
    c.execute(db_.sql("UPDATE one_time_codes SET used = 1 WHERE share_id = ? AND "
                      "pre_session_hash = ? AND used = 0"),
              {share_id, pre_session_hash});
    c.execute(db_.sql("INSERT INTO one_time_codes (share_id, pre_session_hash, code_digest, "
                      "created_at, expires_at, tries, used) VALUES (?, ?, ?, {now}, {now} + ?, 0, "
                      "0)"),
              {share_id, pre_session_hash, code_digest, std::int64_t{lifetime_ms}});
}

void SqlCodeRepository::issue(const std::string& share_id, const std::string& pre_session_hash,
                              const std::string& code_digest, std::chrono::minutes lifetime) {
    db_.transaction([&](SqlConnection& c) {
        insert_code(c, share_id, pre_session_hash, code_digest, lifetime);
    });
}

void SqlCodeRepository::issue_and_queue(const std::string& share_id,
                                        const std::string& pre_session_hash,
                                        const std::string& code_digest,
                                        std::chrono::minutes lifetime,
                                        const domain::OutboxMessage& message) {
    db_.transaction([&](SqlConnection& c) {
        insert_code(c, share_id, pre_session_hash, code_digest, lifetime);
        insert_outbox(db_, c, message);
    });
}

CodeCheck SqlCodeRepository::verify(const std::string& share_id,
                                    const std::string& pre_session_hash,
                                    const std::string& code_digest, int max_tries) {
    // Codes issued before the browser binding existed have no pre-session hash and match none.
    const auto latest = db_.read([&](SqlConnection& c) {
        return c.query(db_.sql("SELECT id FROM one_time_codes WHERE share_id = ? AND "
                               "pre_session_hash = ? ORDER BY id DESC LIMIT 1"),
                       {share_id, pre_session_hash});
    });
    if (latest.empty()) {
        return CodeCheck::NoLiveCode;
    }
    const auto id = latest.front().integer(0);
    return db_.transaction([&](SqlConnection& c) {
        // The try is spent before the comparison, in one statement, so parallel guesses cannot
        // get more than max_tries comparisons between them.
        const auto spent = c.execute(db_.sql("UPDATE one_time_codes SET tries = tries + 1 WHERE "
                                             "id = ? AND used = 0 AND expires_at > {now} AND "
                                             "tries < ?"),
                                     {id, std::int64_t{max_tries}});
        if (spent != 1) {
            auto row = c.query(db_.sql("SELECT used, CASE WHEN expires_at > {now} THEN 0 ELSE 1 "
                                       "END, tries FROM one_time_codes WHERE id = ?"),
                               {id});
            const bool dead = row.front().integer(0) != 0 || row.front().integer(1) != 0;
            return dead ? CodeCheck::NoLiveCode : CodeCheck::TriesExhausted;
        }
        auto stored = c.query(db_.sql("SELECT code_digest FROM one_time_codes WHERE id = ?"), {id});
        if (!crypto::equal_constant_time(stored.front().text(0), code_digest)) {
            return CodeCheck::Wrong;
        }
        const auto used = c.execute(db_.sql("UPDATE one_time_codes SET used = 1 WHERE id = ? AND "
                                            "used = 0"),
                                    {id});
        return used == 1 ? CodeCheck::Verified : CodeCheck::NoLiveCode;
    });
}

int SqlCodeRepository::purge_expired() {
    return db_.transaction([&](SqlConnection& c) {
        return static_cast<int>(c.execute(
            db_.sql("DELETE FROM one_time_codes WHERE expires_at < {now} - 86400000"), {}));
    });
}

}  // namespace es::store::sql
