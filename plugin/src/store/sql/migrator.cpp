#include "store/sql/migrator.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>
#include <set>
#include <thread>

#include "domain/error.hpp"

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
int apply_pending(SqlConnection& c, const std::vector<Migration>& migrations,
                  const Dialect& dialect) {
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
            c.execute(dialect.apply("INSERT INTO schema_version (version, description, "
                                    "applied_at) VALUES (?, ?, {now})"),
                      {std::int64_t{m.version}, m.description});
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

namespace {

// A holder that died (killed mid-migration) leaves its row behind; one this old is taken over.
// Longer than any migration we ship takes on a large database.
constexpr std::int64_t kStaleLockMs = 10 * 60 * 1000;
constexpr auto kLockWait = std::chrono::minutes(2);

std::string lock_holder_id() {
    static std::atomic<int> next{0};
    char host[64] = {};
    ::gethostname(host, sizeof host - 1);
    return std::string(host).substr(0, 40) + "/" + std::to_string(::getpid()) + "/" +
           std::to_string(next++);
}

// Takes the migration lock: the row (1) of schema_lock, inserted by whoever holds it. When it was
// taken, and whether that is long enough ago to be stale, is told by the database's clock: the
// instances' own clocks may differ by more than the staleness, and one running ahead would take
// a live holder's lock and migrate at the same time.
void take_lock(SqlConnection& c, const std::string& holder, const Dialect& dialect) {
    const auto deadline = std::chrono::steady_clock::now() + kLockWait;
    std::minstd_rand jitter(std::random_device{}());
    const std::string insert =
        dialect.apply("INSERT INTO schema_lock (id, holder, taken_at) VALUES (1, ?, {now})");
    const std::string take_over_stale =
        dialect.apply("DELETE FROM schema_lock WHERE id = 1 AND taken_at < {now} - ?");
    for (;;) {
        try {
            c.execute(insert, {holder});
            return;
        } catch (const domain::Error& e) {
            // Conflict: the row is there (duplicate key). Unavailable: another node's insert won
            // certification (Galera reports it as a deadlock), or the server went away; either
            // way, look again shortly.
            if (e.kind() != domain::Error::Kind::Conflict &&
                e.kind() != domain::Error::Kind::Unavailable) {
                throw;
            }
            if (std::chrono::steady_clock::now() > deadline) {
                throw domain::Error(domain::Error::Kind::Unavailable,
                                    "another instance kept the migration lock (the row of "
                                    "schema_lock) for two minutes: " +
                                        std::string(e.what()));
            }
        }
        try {
            c.execute(take_over_stale, {kStaleLockMs});
        } catch (const domain::Error&) {
            // Someone else is taking it over, or the server is away: the next round sees.
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100 + jitter() % 200));
    }
}

void release_lock(SqlConnection& c, const std::string& holder) {
    c.execute("DELETE FROM schema_lock WHERE id = 1 AND holder = ?", {holder});
}

}  // namespace

int migrate(SqlConnection& c, const std::vector<Migration>& migrations, DdlMode mode,
            const Dialect& dialect) {
    const std::string create_versions =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, "
        "description VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)";
    const std::string create_lock =
        "CREATE TABLE IF NOT EXISTS schema_lock (id INTEGER NOT NULL PRIMARY KEY, "
        "holder VARCHAR(64) NOT NULL, taken_at BIGINT NOT NULL)";
    if (mode == DdlMode::Transactional) {
        c.begin();
        try {
            c.execute(create_versions, {});
            c.execute(create_lock, {});  // unused here: the write lock serialises
            const int v = apply_pending(c, migrations, dialect);
            c.commit();
            return v;
        } catch (...) {
            c.rollback();
            throw;
        }
    }
    c.execute(create_versions, {});
    c.execute(create_lock, {});
    // Nothing to apply, nothing to lock: a lock row left by an instance killed while it held it
    // would otherwise hold up every restart until the row is stale, though none of them changes
    // the schema. (Whoever finds a migration missing takes the lock and looks again under it.)
    const std::set<int> applied = applied_versions(c);
    if (std::all_of(migrations.begin(), migrations.end(),
                    [&](const Migration& m) { return applied.count(m.version) != 0; })) {
        return applied.empty() ? 0 : *applied.rbegin();
    }
    const std::string holder = lock_holder_id();
    take_lock(c, holder, dialect);
    try {
        const int v = apply_pending(c, migrations, dialect);
        release_lock(c, holder);
        return v;
    } catch (...) {
        try {
            release_lock(c, holder);
        } catch (...) {
            // Left behind, it is taken over once stale.
        }
        throw;
    }
}

}  // namespace es::store::sql
