#include "store/migrations.hpp"

#include <string>
#include <vector>

#include <Poco/Data/Statement.h>

#include "log/host_log.hpp"

namespace host {

using namespace Poco::Data::Keywords;

namespace {

struct Migration {
    int version;
    std::vector<std::string> statements;
};

// Append only: a published migration is never edited, a change is a new version.
const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all = {
        {1,
         {
             "CREATE TABLE organisations (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
             "CREATE TABLE users (id INTEGER PRIMARY KEY, organisation_id INTEGER NOT NULL "
             "REFERENCES organisations(id), login TEXT NOT NULL UNIQUE, display_name TEXT NOT "
             "NULL, "
             "email TEXT NOT NULL, password_hash TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN "
             "('caseworker','organisation_admin')), active INTEGER NOT NULL DEFAULT 1)",
             "CREATE TABLE case_types (id INTEGER PRIMARY KEY, organisation_id INTEGER NOT NULL "
             "REFERENCES organisations(id), name_de TEXT NOT NULL, name_en TEXT NOT NULL)",
             "CREATE TABLE cases (id INTEGER PRIMARY KEY, organisation_id INTEGER NOT NULL "
             "REFERENCES organisations(id), number TEXT NOT NULL, title TEXT NOT NULL, status TEXT "
             "NOT NULL CHECK (status IN ('open','closed')), case_type_id INTEGER NOT NULL "
             "REFERENCES case_types(id), owner_user_id INTEGER NOT NULL REFERENCES users(id), "
             "correspondent_name TEXT NOT NULL DEFAULT '', correspondent_email TEXT NOT NULL "
             "DEFAULT '', correspondent_phone TEXT NOT NULL DEFAULT '', subject TEXT NOT NULL "
             "DEFAULT '', reference TEXT NOT NULL DEFAULT '', received_date TEXT NOT NULL DEFAULT "
             "'', created_at TEXT NOT NULL, updated_at TEXT NOT NULL, UNIQUE (organisation_id, "
             "number))",
             "CREATE INDEX cases_by_org_updated ON cases (organisation_id, updated_at)",
             "CREATE INDEX cases_by_org_title ON cases (organisation_id, title)",
             "CREATE TABLE journal_entries (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL "
             "REFERENCES cases(id), entry_date TEXT NOT NULL, author_user_id INTEGER NOT NULL "
             "REFERENCES users(id), text TEXT NOT NULL, internal INTEGER NOT NULL DEFAULT 0)",
             "CREATE INDEX journal_by_case ON journal_entries (case_id, entry_date)",
             "CREATE TABLE attachments (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL "
             "REFERENCES cases(id), name TEXT NOT NULL, media_type TEXT NOT NULL, size INTEGER NOT "
             "NULL, sha256 TEXT NOT NULL, modified TEXT NOT NULL, storage_path TEXT NOT NULL)",
             "CREATE INDEX attachments_by_case ON attachments (case_id)",
             "CREATE TABLE sessions (id_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL "
             "REFERENCES users(id), csrf_token TEXT NOT NULL, expires_at INTEGER NOT NULL)",
             "CREATE TABLE user_preferences (user_id INTEGER NOT NULL REFERENCES users(id), name "
             "TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (user_id, name))",
         }},
        // The case overview sorts in SQL with LIMIT/OFFSET; these let SQLite walk an index in the
        // requested order instead of sorting every case of the organisation per page.
        {2,
         {
             "CREATE INDEX cases_by_org_title_nocase ON cases (organisation_id, title COLLATE "
             "NOCASE)",
             "CREATE INDEX cases_by_org_received ON cases (organisation_id, received_date)",
             "CREATE INDEX cases_by_org_correspondent ON cases (organisation_id, "
             "correspondent_name "
             "COLLATE NOCASE)",
             "CREATE INDEX cases_by_org_status ON cases (organisation_id, status, number)",
         }},
        // Plugins add journal entries (dm.cases 1.1 add_journal_entry), also on behalf of the
        // organisation with no acting user: the author user becomes optional and author_name names
        // whoever wrote an entry without one. SQLite cannot relax NOT NULL in place, so the table
        // is rebuilt; nothing references journal_entries, and DROP TABLE takes its index along.
        {3,
         {
             "CREATE TABLE journal_entries_v3 (id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL "
             "REFERENCES cases(id), entry_date TEXT NOT NULL, author_user_id INTEGER REFERENCES "
             "users(id), author_name TEXT NOT NULL DEFAULT '', text TEXT NOT NULL, internal "
             "INTEGER NOT NULL DEFAULT 0)",
             "INSERT INTO journal_entries_v3 (id, case_id, entry_date, author_user_id, text, "
             "internal) SELECT id, case_id, entry_date, author_user_id, text, internal FROM "
             "journal_entries",
             "DROP TABLE journal_entries",
             "ALTER TABLE journal_entries_v3 RENAME TO journal_entries",
             "CREATE INDEX journal_by_case ON journal_entries (case_id, entry_date)",
         }},
    };
    return all;
}

}  // namespace

int Migrations::current_version(Poco::Data::Session& session) {
    session << "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", now;
    int version = 0;
    session << "SELECT COALESCE(MAX(version), 0) FROM schema_version", into(version), now;
    return version;
}

void Migrations::apply(Poco::Data::Session& session) {
    int current = current_version(session);
    for (const auto& m : migrations()) {
        if (m.version <= current) {
            continue;
        }
        session.begin();
        try {
            for (const auto& sql : m.statements) {
                session << sql, now;
            }
            int v = m.version;
            session << "INSERT INTO schema_version (version) VALUES (?)", use(v), now;
            session.commit();
        } catch (...) {
            session.rollback();
            throw;
        }
        HostLog::info("database migrated to schema version " + std::to_string(m.version));
    }
}

}  // namespace host
