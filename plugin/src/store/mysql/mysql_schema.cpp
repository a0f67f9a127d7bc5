#include "store/mysql/mysql_schema.hpp"

#include "store/sql/case_summary_backfill.hpp"

namespace es::store::mysql {

namespace {
#define ES_TABLE_OPTIONS " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"
}  // namespace

const std::vector<store::sql::Migration>& mysql_migrations() {
    static const std::vector<store::sql::Migration> kMigrations = {
        {1,
         "shares, selections, outbox, audit, access log, codes, sessions, throttle, settings",
         {
             R"(CREATE TABLE IF NOT EXISTS shares (
                id VARCHAR(32) NOT NULL PRIMARY KEY,
                organisation_id VARCHAR(128) NOT NULL,
                case_id VARCHAR(128) NOT NULL,
                creator_user_id VARCHAR(128) NOT NULL,
                creator_removed TINYINT NOT NULL DEFAULT 0,
                recipient_name VARCHAR(200) NULL,
                recipient_email VARCHAR(254) NULL,
                recipient_phone VARCHAR(20) NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                revoked_at BIGINT NULL,
                revoked_by VARCHAR(128) NULL,
                protection VARCHAR(20) NOT NULL,
                code_channel VARCHAR(10) NOT NULL,
                locale VARCHAR(5) NOT NULL,
                delivery VARCHAR(20) NOT NULL,
                download_limit BIGINT NULL,
                downloads_used BIGINT NOT NULL DEFAULT 0,
                notify_owner_on_open TINYINT NOT NULL DEFAULT 0,
                token_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
                sealed_token VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
                password_hash VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NULL,
                sealed_password TEXT CHARACTER SET ascii COLLATE ascii_bin NULL,
                password_generation BIGINT NOT NULL DEFAULT 0,
                UNIQUE KEY shares_by_token (token_hash),
                KEY shares_by_case (organisation_id, case_id, revoked_at, expires_at),
                KEY shares_by_creator (organisation_id, creator_user_id),
                CONSTRAINT shares_limit CHECK (download_limit IS NULL OR downloads_used <= download_limit)
             ))" ES_TABLE_OPTIONS,
             R"(CREATE TABLE IF NOT EXISTS share_sections (
                share_id VARCHAR(32) NOT NULL,
                section VARCHAR(16) NOT NULL,
                PRIMARY KEY (share_id, section),
                CONSTRAINT share_sections_share FOREIGN KEY (share_id) REFERENCES shares (id)
             ))" ES_TABLE_OPTIONS,
             R"(CREATE TABLE IF NOT EXISTS share_items (
                share_id VARCHAR(32) NOT NULL,
                section VARCHAR(16) NOT NULL,
                item_id VARCHAR(128) NOT NULL,
                visible TINYINT NOT NULL,
                position BIGINT NOT NULL,
                PRIMARY KEY (share_id, section, item_id),
                CONSTRAINT share_items_share FOREIGN KEY (share_id) REFERENCES shares (id)
             ))" ES_TABLE_OPTIONS,
             R"(CREATE TABLE IF NOT EXISTS outbox (
                id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                organisation_id VARCHAR(128) NOT NULL,
                share_id VARCHAR(32) NOT NULL,
                kind VARCHAR(32) NOT NULL,
                channel VARCHAR(8) NOT NULL,
                recipient_address VARCHAR(254) NOT NULL,
                payload_json MEDIUMTEXT NOT NULL,
                created_at BIGINT NOT NULL,
                next_attempt_at BIGINT NOT NULL,
                attempts INT NOT NULL DEFAULT 0,
                status VARCHAR(10) NOT NULL,
                last_error TEXT NOT NULL,
                expires_at BIGINT NULL,
                KEY outbox_due (status, next_attempt_at),
                KEY outbox_by_share (share_id),
                CONSTRAINT outbox_share FOREIGN KEY (share_id) REFERENCES shares (id)
             ))" ES_TABLE_OPTIONS,
             R"(CREATE TABLE IF NOT EXISTS audit (
                id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                organisation_id VARCHAR(128) NOT NULL,
                case_id VARCHAR(128) NOT NULL,
                share_id VARCHAR(32) NOT NULL,
                actor VARCHAR(160) NOT NULL,
                at BIGINT NOT NULL,
                action VARCHAR(64) NOT NULL,
                details TEXT NOT NULL,
                KEY audit_by_share (organisation_id, share_id, id),
                KEY audit_by_case (organisation_id, case_id, id)
             ))" ES_TABLE_OPTIONS,
             R"(CREATE TABLE IF NOT EXISTS access_events (
                id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                share_id VARCHAR(32) NOT NULL,
                organisation_id VARCHAR(128) NOT NULL,
                case_id VARCHAR(128) NOT NULL,
                at BIGINT NOT NULL,
                client_ip VARCHAR(45) NOT NULL,
                user_agent VARCHAR(512) NOT NULL,
                action VARCHAR(32) NOT NULL,
                item_id VARCHAR(128) NOT NULL,
                outcome VARCHAR(32) NOT NULL,
                KEY access_by_share (organisation_id, share_id, at),
                KEY access_by_case (organisation_id, case_id, at),
                KEY access_by_time (at)
             ))" ES_TABLE_OPTIONS,
             R"(CREATE TABLE IF NOT EXISTS one_time_codes (
                id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
                share_id VARCHAR(32) NOT NULL,
                code_digest CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                tries INT NOT NULL DEFAULT 0,
                used TINYINT NOT NULL DEFAULT 0,
                KEY codes_by_share (share_id, id),
                CONSTRAINT codes_share FOREIGN KEY (share_id) REFERENCES shares (id)
             ))" ES_TABLE_OPTIONS,
             R"(CREATE TABLE IF NOT EXISTS portal_sessions (
                session_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
                share_id VARCHAR(32) NOT NULL,
                created_at BIGINT NOT NULL,
                last_seen_at BIGINT NOT NULL,
                password_generation BIGINT NOT NULL,
                password_passed TINYINT NOT NULL DEFAULT 0,
                code_passed TINYINT NOT NULL DEFAULT 0,
                KEY sessions_by_share (share_id),
                CONSTRAINT sessions_share FOREIGN KEY (share_id) REFERENCES shares (id)
             ))" ES_TABLE_OPTIONS,
             R"(CREATE TABLE IF NOT EXISTS throttle (
                throttle_key VARCHAR(191) NOT NULL PRIMARY KEY,
                window_start BIGINT NOT NULL,
                hits INT NOT NULL,
                next_allowed_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
             ))" ES_TABLE_OPTIONS,
             R"(CREATE TABLE IF NOT EXISTS organisation_settings (
                organisation_id VARCHAR(128) NOT NULL,
                setting_key VARCHAR(100) NOT NULL,
                value TEXT NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (organisation_id, setting_key)
             ))" ES_TABLE_OPTIONS,
             R"(CREATE TABLE IF NOT EXISTS policy_overrides (
                organisation_id VARCHAR(128) NOT NULL,
                case_type_id VARCHAR(128) NOT NULL,
                policy_key VARCHAR(64) NOT NULL,
                value VARCHAR(64) NOT NULL,
                PRIMARY KEY (organisation_id, case_type_id, policy_key)
             ))" ES_TABLE_OPTIONS,
         }},
        {2,
         "case_share_summary: the case-list column without aggregating shares",
         {
             // The secondary index holds the primary key too, so it covers the
             // organisation-wide scan of the column.
             R"(CREATE TABLE IF NOT EXISTS case_share_summary (
                organisation_id VARCHAR(128) NOT NULL,
                case_id VARCHAR(128) NOT NULL,
                live_count INT NOT NULL,
                first_expiry BIGINT NULL,
                last_expiry BIGINT NULL,
                PRIMARY KEY (organisation_id, case_id),
                KEY case_share_summary_by_last_expiry (organisation_id, last_expiry, first_expiry,
                                                       live_count)
             ))" ES_TABLE_OPTIONS,
             // Idempotent (the upsert overwrites what an interrupted run wrote); the clock read
             // by MySQL's expression.
             sql::case_summary_backfill(
                 "(SELECT CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED) AS clock_ms)") +
                 R"(
                ON DUPLICATE KEY UPDATE live_count = VALUES(live_count),
                                        first_expiry = VALUES(first_expiry),
                                        last_expiry = VALUES(last_expiry))",
         }},
        {3,
         "shares: when the owner was reminded of the expiry, when the expiry was set",
         {
             // One ALTER, so the columns and the index appear together or not at all (MySQL
             // commits DDL implicitly). See the SQLite schema for what the columns mean.
             "ALTER TABLE shares ADD COLUMN expiry_reminder_sent_at BIGINT NULL, "
             "ADD COLUMN expiry_set_at BIGINT NULL, ADD KEY shares_reminder_due "
             "(expiry_reminder_sent_at, revoked_at, expires_at)",
         },
         "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND "
         "table_name = 'shares' AND column_name = 'expiry_reminder_sent_at'"},
        {4,
         "shares: when the recipient first opened the link, when the owner was last told of "
         "failed tries",
         {
             // One ALTER, so both columns appear together or not at all (MySQL commits DDL
             // implicitly). See the SQLite schema for what they mean.
             "ALTER TABLE shares ADD COLUMN first_opened_at BIGINT NULL, "
             "ADD COLUMN failed_attempts_alerted_at BIGINT NULL",
         },
         "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND "
         "table_name = 'shares' AND column_name = 'first_opened_at'"},
        {5,
         "one_time_codes: the browser (pre-session) each code was sent for",
         {
             // One ALTER, so the column and its index appear together or not at all. See the
             // SQLite schema for what the column means.
             "ALTER TABLE one_time_codes ADD COLUMN pre_session_hash CHAR(64) CHARACTER SET ascii "
             "COLLATE ascii_bin NULL, ADD KEY codes_by_browser (share_id, pre_session_hash, id)",
         },
         "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND "
         "table_name = 'one_time_codes' AND column_name = 'pre_session_hash'"},
        {6,
         "download_credits: what a counted download of one item has left to deliver",
         {
             // See the SQLite schema for what the columns mean.
             R"(CREATE TABLE IF NOT EXISTS download_credits (
                share_id VARCHAR(32) NOT NULL,
                item_key VARCHAR(140) NOT NULL,
                validator VARCHAR(80) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
                bytes_left BIGINT NOT NULL,
                PRIMARY KEY (share_id, item_key),
                CONSTRAINT download_credits_share FOREIGN KEY (share_id) REFERENCES shares (id),
                CONSTRAINT download_credits_left CHECK (bytes_left >= 0)
             ))" ES_TABLE_OPTIONS,
         }},
        {7,
         "shares: the creator's name as the host gave it, when the first opening was recorded",
         {
             // One ALTER, so both columns appear together or not at all (MySQL commits DDL
             // implicitly). See the SQLite schema for what they mean.
             "ALTER TABLE shares ADD COLUMN creator_name VARCHAR(400) NULL, "
             "ADD COLUMN first_opening_recorded_at BIGINT NULL",
         },
         "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND "
         "table_name = 'shares' AND column_name = 'first_opening_recorded_at'"},
        {8,
         "licence_state: each organisation's licence, now one of the migrations",
         {
             // Until this version the licence store created the table itself with these columns
             // but the server's default table options: IF NOT EXISTS keeps such a table and its
             // rows, and the conversion gives it the binary collation of every other table, so
             // organisation ids compare exactly, case included (idempotent, like the CREATE).
             R"(CREATE TABLE IF NOT EXISTS licence_state (
                organisation_id VARCHAR(190) NOT NULL PRIMARY KEY,
                revision BIGINT NOT NULL,
                trial_started_at BIGINT NULL,
                deactivated INT NOT NULL DEFAULT 0,
                licence_key TEXT NULL,
                licence_id VARCHAR(190) NULL,
                plan VARCHAR(32) NULL,
                seats BIGINT NULL,
                valid_from BIGINT NULL,
                valid_until BIGINT NULL,
                key_id VARCHAR(190) NULL,
                issuer VARCHAR(190) NULL,
                seats_exceeded_since BIGINT NULL,
                updated_at BIGINT NOT NULL
             ))" ES_TABLE_OPTIONS,
             "ALTER TABLE licence_state CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
         }},
    };
    return kMigrations;
}

#undef ES_TABLE_OPTIONS

}  // namespace es::store::mysql
