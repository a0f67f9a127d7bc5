#include "store/sql/migrator.hpp"

#include <algorithm>
#include <set>

#include "domain/error.hpp"
#include "domain/timestamp.hpp"

namespace es::store::sql {

namespace {

std::set<int> applied_versions(SqlConnection& c) {
    std::set<int> out;
    for (const auto& row : c.query("SELECT version FROM schema_version", {})) {
        out.insert(static_cast<int>(row.integer(0)));
    }
    return out;
}

// Applies every migration not recorded yet, in version order, rather than only those above the
// highest recorded one: a database that skipped a version (a development build of a branch, a
// restored version table) still gets it instead of silently missing a table.
int apply_pending(SqlConnection& c, const std::vector<Migration>& migrations) {
    const std::set<int> applied = applied_versions(c);
    int version = applied.empty() ? 0 : *applied.rbegin();
    for (const auto& m : migrations) {
        if (applied.count(m.version) != 0) {
            continue;
        }
        try {
            const bool done = !m.done_if.empty() && [&] {
                const auto rows = c.query(m.done_if, {});
                return !rows.empty() && rows.front().integer(0) != 0;
            }();
            for (const auto& statement : m.statements) {
                if (!done) {
                    c.execute(statement, {});
                }
            }
            c.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, "
                "?, ?)",
                {std::int64_t{m.version}, m.description, domain::to_epoch_ms(domain::now_utc())});
        } catch (const domain::Error& e) {
            throw domain::Error(e.kind() == domain::Error::Kind::Unavailable
                                    ? e.kind()
                                    : domain::Error::Kind::Internal,
                                "migration " + std::to_string(m.version) + " (" + m.description +
                                    ") failed: " + e.what());
        }
        version = std::max(version, m.version);
    }
    return version;
}

}  // namespace

int migrate(SqlConnection& c, const std::vector<Migration>& migrations, DdlMode mode) {
    const std::string create =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, "
        "description VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)";
    if (mode == DdlMode::Transactional) {
        c.begin();
        try {
            c.execute(create, {});
            const int v = apply_pending(c, migrations);
            c.commit();
            return v;
        } catch (...) {
            c.rollback();
            throw;
        }
    }
    c.execute(create, {});
    auto got = c.query("SELECT GET_LOCK('external_sharing.migrations', 120)", {});
    if (got.empty() || got.front().integer(0) != 1) {
        throw domain::Error(domain::Error::Kind::Unavailable,
                            "another process kept the migration lock for two minutes");
    }
    try {
        const int v = apply_pending(c, migrations);
        c.query("SELECT RELEASE_LOCK('external_sharing.migrations')", {});
        return v;
    } catch (...) {
        try {
            c.query("SELECT RELEASE_LOCK('external_sharing.migrations')", {});
        } catch (...) {
            // The lock dies with the connection anyway.
        }
        throw;
    }
}

}  // namespace es::store::sql
