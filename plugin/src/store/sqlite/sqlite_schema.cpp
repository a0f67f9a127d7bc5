#include "store/sqlite/sqlite_schema.hpp"

#include "store/sql/case_summary_backfill.hpp"

namespace es::store::sqlite {

std::string access_log_path(const std::string& database_path) {
    return database_path + "-access-log";
}

const std::vector<std::string>& sqlite_access_log_schema() {
    // The same definition as migration 1's, on purpose written out again: a released migration is
    // never edited, so it must not share text with a schema that may still change.
    static const std::vector<std::string> kStatements = {
        R"(CREATE TABLE IF NOT EXISTS access_log.access_events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                share_id TEXT NOT NULL,
                organisation_id TEXT NOT NULL,
                case_id TEXT NOT NULL,
                at INTEGER NOT NULL,
                client_ip TEXT NOT NULL,
                user_agent TEXT NOT NULL,
                action TEXT NOT NULL,
                item_id TEXT NOT NULL,
                outcome TEXT NOT NULL))",
        "CREATE INDEX IF NOT EXISTS access_log.access_by_share ON access_events "
        "(organisation_id, share_id, at)",
        "CREATE INDEX IF NOT EXISTS access_log.access_by_case ON access_events "
        "(organisation_id, case_id, at)",
        "CREATE INDEX IF NOT EXISTS access_log.access_by_time ON access_events (at)",
    };
    return kStatements;
}

const std::vector<sql::Migration>& sqlite_migrations() {
    static const std::vector<sql::Migration> kMigrations = {
        {1,
         "shares, selections, outbox, audit, access log, codes, sessions, throttle, settings",
         {
             R"(CREATE TABLE shares (
                id TEXT NOT NULL PRIMARY KEY,
                organisation_id TEXT NOT NULL,
                case_id TEXT NOT NULL,
                creator_user_id TEXT NOT NULL,
                creator_removed INTEGER NOT NULL DEFAULT 0,
                recipient_name TEXT,
                recipient_email TEXT,
                recipient_phone TEXT,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                revoked_at INTEGER,
                revoked_by TEXT,
                protection TEXT NOT NULL,
                code_channel TEXT NOT NULL,
                locale TEXT NOT NULL,
                delivery TEXT NOT NULL,
                download_limit INTEGER,
                downloads_used INTEGER NOT NULL DEFAULT 0,
                notify_owner_on_open INTEGER NOT NULL DEFAULT 0,
                token_hash TEXT NOT NULL UNIQUE,
                sealed_token TEXT NOT NULL,
                password_hash TEXT,
                sealed_password TEXT,
                password_generation INTEGER NOT NULL DEFAULT 0,
                CHECK (download_limit IS NULL OR download_limit >= 0),
                CHECK (download_limit IS NULL OR downloads_used <= download_limit)))",
             "CREATE INDEX shares_by_case ON shares (organisation_id, case_id, revoked_at, "
             "expires_at)",
             "CREATE INDEX shares_by_creator ON shares (organisation_id, creator_user_id)",
             R"(CREATE TABLE share_sections (
                share_id TEXT NOT NULL REFERENCES shares (id),
                section TEXT NOT NULL,
                PRIMARY KEY (share_id, section)))",
             R"(CREATE TABLE share_items (
                share_id TEXT NOT NULL REFERENCES shares (id),
                section TEXT NOT NULL,
                item_id TEXT NOT NULL,
                visible INTEGER NOT NULL,
                position INTEGER NOT NULL,
                PRIMARY KEY (share_id, section, item_id)))",
             R"(CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                organisation_id TEXT NOT NULL,
                share_id TEXT NOT NULL REFERENCES shares (id),
                kind TEXT NOT NULL,
                channel TEXT NOT NULL,
                recipient_address TEXT NOT NULL,
                payload_json TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                next_attempt_at INTEGER NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                status TEXT NOT NULL,
                last_error TEXT NOT NULL DEFAULT '',
                expires_at INTEGER))",
             "CREATE INDEX outbox_due ON outbox (status, next_attempt_at)",
             "CREATE INDEX outbox_by_share ON outbox (share_id)",
             R"(CREATE TABLE audit (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                organisation_id TEXT NOT NULL,
                case_id TEXT NOT NULL,
                share_id TEXT NOT NULL,
                actor TEXT NOT NULL,
                at INTEGER NOT NULL,
                action TEXT NOT NULL,
                details TEXT NOT NULL))",
             "CREATE INDEX audit_by_share ON audit (organisation_id, share_id, id)",
             "CREATE INDEX audit_by_case ON audit (organisation_id, case_id, id)",
             R"(CREATE TABLE access_events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                share_id TEXT NOT NULL,
                organisation_id TEXT NOT NULL,
                case_id TEXT NOT NULL,
                at INTEGER NOT NULL,
                client_ip TEXT NOT NULL,
                user_agent TEXT NOT NULL,
                action TEXT NOT NULL,
                item_id TEXT NOT NULL,
                outcome TEXT NOT NULL))",
             "CREATE INDEX access_by_share ON access_events (organisation_id, share_id, at)",
             "CREATE INDEX access_by_case ON access_events (organisation_id, case_id, at)",
             "CREATE INDEX access_by_time ON access_events (at)",
             R"(CREATE TABLE one_time_codes (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                share_id TEXT NOT NULL REFERENCES shares (id),
                code_digest TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                tries INTEGER NOT NULL DEFAULT 0,
                used INTEGER NOT NULL DEFAULT 0))",
             "CREATE INDEX codes_by_share ON one_time_codes (share_id, id)",
             R"(CREATE TABLE portal_sessions (
                session_hash TEXT NOT NULL PRIMARY KEY,
                share_id TEXT NOT NULL REFERENCES shares (id),
                created_at INTEGER NOT NULL,
                last_seen_at INTEGER NOT NULL,
                password_generation INTEGER NOT NULL,
                password_passed INTEGER NOT NULL DEFAULT 0,
                code_passed INTEGER NOT NULL DEFAULT 0))",
             "CREATE INDEX sessions_by_share ON portal_sessions (share_id)",
             R"(CREATE TABLE throttle (
                throttle_key TEXT NOT NULL PRIMARY KEY,
                window_start INTEGER NOT NULL,
                hits INTEGER NOT NULL,
                next_allowed_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL))",
             R"(CREATE TABLE organisation_settings (
                organisation_id TEXT NOT NULL,
                setting_key TEXT NOT NULL,
                value TEXT NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (organisation_id, setting_key)))",
             R"(CREATE TABLE policy_overrides (
                organisation_id TEXT NOT NULL,
                case_type_id TEXT NOT NULL,
                policy_key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (organisation_id, case_type_id, policy_key)))",
         }},
        {2,
         "case_share_summary: the case-list column without aggregating shares",
         {
             // WITHOUT ROWID: the rows are stored in key order, so a batch of case ids is a
             // batch of b-tree seeks, and the secondary index below carries the key and covers
             // the organisation-wide scan.
             R"(CREATE TABLE case_share_summary (
                organisation_id TEXT NOT NULL,
                case_id TEXT NOT NULL,
                live_count INTEGER NOT NULL,
                first_expiry INTEGER,
                last_expiry INTEGER,
                PRIMARY KEY (organisation_id, case_id)) WITHOUT ROWID)",
             "CREATE INDEX case_share_summary_by_last_expiry ON case_share_summary "
             "(organisation_id, last_expiry, first_expiry, live_count)",
             // Backfill by the database clock at migration time, read by SQLite's expression.
             sql::case_summary_backfill(
                 "(SELECT CAST(ROUND((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER)\n"
                 "                             AS clock_ms)"),
         },
         // SQLite migrations are transactional: the table exists only if all of them ran.
         "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
         "'case_share_summary'"},
        {3,
         "shares: when the owner was reminded of the expiry, when the expiry was set",
         {
             // NULL: not reminded for the current expiry. Moving the expiry later sets it back to
             // NULL, so the new expiry gets its own reminder.
             "ALTER TABLE shares ADD COLUMN expiry_reminder_sent_at INTEGER",
             // When the current expiry was chosen (NULL: at creation). An expiry chosen inside the
             // reminder window needs no reminder: the owner just picked it.
             "ALTER TABLE shares ADD COLUMN expiry_set_at INTEGER",
             // The reminder job's scan: live, not yet reminded, by expiry.
             "CREATE INDEX shares_reminder_due ON shares (expiry_reminder_sent_at, revoked_at, "
             "expires_at)",
         },
         "SELECT COUNT(*) FROM pragma_table_info('shares') WHERE name = "
         "'expiry_reminder_sent_at'"},
        {4,
         "shares: when the recipient first opened the link, when the owner was last told of "
         "failed tries",
         {
             // NULL: not opened yet (only recorded for shares whose owner asked to be told). Set
             // once, by a conditional update, in the transaction that queues the owner's alert.
             "ALTER TABLE shares ADD COLUMN first_opened_at INTEGER",
             // NULL: never. The failed-tries alert is sent at most once per hour per share.
             "ALTER TABLE shares ADD COLUMN failed_attempts_alerted_at INTEGER",
         },
         "SELECT COUNT(*) FROM pragma_table_info('shares') WHERE name = 'first_opened_at'"},
        {5,
         "one_time_codes: the browser (pre-session) each code was sent for",
         {
             // SHA-256 of the browser's pre-session cookie. NULL for codes issued before: they
             // belong to no browser and match no guess (they expire within the hour anyway).
             "ALTER TABLE one_time_codes ADD COLUMN pre_session_hash TEXT",
             "CREATE INDEX codes_by_browser ON one_time_codes (share_id, pre_session_hash, id)",
         },
         "SELECT COUNT(*) FROM pragma_table_info('one_time_codes') WHERE name = "
         "'pre_session_hash'"},
        {6,
         "download_credits: what a counted download of one item has left to deliver",
         {
             // With a download limit, every byte of an item that leaves the portal is paid from
             // its credit; a counted download adds one file's worth (ShareRepository::
             // pay_download). `validator` is the item's ETag when the credit was bought: a changed
             // file starts from nothing.
             R"(CREATE TABLE IF NOT EXISTS download_credits (
                share_id TEXT NOT NULL REFERENCES shares (id),
                item_key TEXT NOT NULL,
                validator TEXT NOT NULL,
                bytes_left INTEGER NOT NULL CHECK (bytes_left >= 0),
                PRIMARY KEY (share_id, item_key)) WITHOUT ROWID)",
         }},
        {7,
         "shares: the creator's name as the host gave it, when the first opening was recorded",
         {
             // NULL for shares made before: the panel then asks the host for the name.
             "ALTER TABLE shares ADD COLUMN creator_name TEXT",
             // NULL: the recipient has not reached the content yet. Set once, by a conditional
             // update, at the first opening, whether or not a journal entry is written then.
             "ALTER TABLE shares ADD COLUMN first_opening_recorded_at INTEGER",
         },
         "SELECT COUNT(*) FROM pragma_table_info('shares') WHERE name = "
         "'first_opening_recorded_at'"},
        {8,
         "licence_state: each organisation's licence, now one of the migrations",
         {
             // Until this version the licence store created the table itself, with this text's
             // columns (declared VARCHAR and BIGINT, the same affinities): IF NOT EXISTS keeps
             // such a table and its rows, and gives the table to a database that never had it.
             R"(CREATE TABLE IF NOT EXISTS licence_state (
                organisation_id TEXT NOT NULL PRIMARY KEY,
                revision INTEGER NOT NULL,
                trial_started_at INTEGER,
                deactivated INTEGER NOT NULL DEFAULT 0,
                licence_key TEXT,
                licence_id TEXT,
                plan TEXT,
                seats INTEGER,
                valid_from INTEGER,
                valid_until INTEGER,
                key_id TEXT,
                issuer TEXT,
                seats_exceeded_since INTEGER,
                updated_at INTEGER NOT NULL))",
         }},
    };
    return kMigrations;
}

}  // namespace es::store::sqlite
