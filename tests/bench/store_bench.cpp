// Storage benchmarks on both backends (run by hand, never by ctest):
//   token lookup p50/p99 with 1,000,000 shares and 10,000,000 access events stored,
//   share creation rate (no password, so no Argon2 cost),
//   the case-list column for 10,000 cases in one batched call (and for a page of 200), and the
//   two ways of reading summary rows side by side.
// Usage: store_bench [sqlite|mariadb|both] [work dir]
// The loaded databases stay in the work dir, so a second run measures without reloading; delete
// the directory to start over. Opening a database loaded by an older build applies its pending
// migrations (migration 2 backfills the case-list summaries from the loaded shares).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "any_case.hpp"
#include "app/share_service.hpp"
#include "crypto/base64url.hpp"
#include "crypto/digest.hpp"
#include "crypto/random_bytes.hpp"
#include "mariadb_server.hpp"
#include "mariadb_storage.hpp"
#include "store/sql/case_summary_rows.hpp"
#include "store/sql/sql_store.hpp"
#include "store/store.hpp"

namespace {

using namespace es;
using Clock = std::chrono::steady_clock;

constexpr int kShares = 1'000'000;
constexpr std::int64_t kEvents = 10'000'000;
constexpr int kCasesInColumn = 10'000;

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

std::string share_id(int i) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%032x", i);
    return buf;
}

// Share i: case i/10, organisation (i/10)%10; every 7th expired, every 11th revoked.
void load_shares(store::sql::Database& db) {
    const auto now = domain::to_epoch_ms(domain::now_utc());
    const int rows_per_statement = 400;
    std::string sql =
        "INSERT INTO shares (id, organisation_id, case_id, creator_user_id, "
        "created_at, expires_at, revoked_at, revoked_by, protection, code_channel, "
        "locale, delivery, token_hash, sealed_token) VALUES ";
    for (int r = 0; r < rows_per_statement; ++r) {
        sql += r == 0 ? "" : ", ";
        sql += "(?, ?, ?, 'bench', ?, ?, ?, ?, 'none', 'none', 'de', 'direct_link', ?, 'sealed')";
    }
    for (int start = 0; start < kShares;) {
        db.transaction([&](store::sql::SqlConnection& c) {
            for (int s = 0; s < 25 && start < kShares; ++s, start += rows_per_statement) {
                std::vector<store::sql::SqlValue> p;
                p.reserve(rows_per_statement * 8);
                for (int i = start; i < start + rows_per_statement; ++i) {
                    const int kase = i / 10;
                    p.emplace_back(share_id(i));
                    p.emplace_back("org-" + std::to_string(kase % 10));
                    p.emplace_back("case-" + std::to_string(kase));
                    p.emplace_back(now - 86400000);
                    p.emplace_back(i % 7 == 0 ? now - 3600000 : now + 86400000LL * 20);
                    if (i % 11 == 0) {
                        p.emplace_back(now - 60000);
                        p.emplace_back(std::string("bench"));
                    } else {
                        p.emplace_back(std::monostate{});
                        p.emplace_back(std::monostate{});
                    }
                    p.emplace_back(crypto::sha256_hex("bench-token-" + std::to_string(i)));
                }
                c.execute(sql, p);
            }
        });
    }
}

void load_events(store::sql::Database& db, bool sqlite) {
    const auto now = domain::to_epoch_ms(domain::now_utc());
    const std::int64_t chunk = 1'000'000;
    for (std::int64_t from = 0; from < kEvents; from += chunk) {
        db.transaction([&](store::sql::SqlConnection& c) {
            if (sqlite) {
                c.execute(
                    "WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                    "INSERT INTO access_events (share_id, organisation_id, case_id, at, "
                    "client_ip, user_agent, action, item_id, outcome) SELECT printf('%032x', i % "
                    "1000000), 'org-' || ((i % 1000000) / 10 % 10), 'case-' || ((i % 1000000) / "
                    "10), ? - i * 3, '203.0.113.7', 'Mozilla/5.0 (bench)', 'view', '', 'ok' FROM n",
                    {from, from + chunk - 1, now});
            } else {
                c.execute(
                    "INSERT INTO access_events (share_id, organisation_id, case_id, at, "
                    "client_ip, user_agent, action, item_id, outcome) SELECT LOWER(LPAD(HEX(seq "
                    "% 1000000), 32, '0')), CONCAT('org-', (seq % 1000000) DIV 10 % 10), "
                    "CONCAT('case-', (seq % 1000000) DIV 10), ? - seq * 3, '203.0.113.7', "
                    "'Mozilla/5.0 (bench)', 'view', '', 'ok' FROM seq_0_to_9999999 WHERE seq >= ? "
                    "AND seq < ?",
                    {now, from, from + chunk});
            }
        });
    }
}

// The bulk load writes `shares` directly, past the repository that keeps the case-list summaries;
// build them the way revoke-all of an organisation does (a database loaded before migration 2
// got them from its backfill instead).
void build_summaries(store::sql::Database& db) {
    for (int org = 0; org < 10; ++org) {
        db.transaction([&](store::sql::SqlConnection& c) {
            store::sql::refresh_organisation_summaries(db, c, "org-" + std::to_string(org));
        });
    }
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// The two ways to read summary rows, on their own, for growing id lists: look the ids up in
// chunks of 500 (cost grows with the list) or scan the organisation's rows that may have live
// shares (cost fixed by the organisation). Where they cross decides kScanFromCases.
void compare_summary_reads(store::sql::Database& db, std::int64_t now) {
    for (int n : {200, 1000, 2000, 5000, 10000}) {
        std::vector<double> listed;
        std::vector<double> scanned;
        for (int round = 0; round < 10; ++round) {
            auto t = Clock::now();
            db.read([&](store::sql::SqlConnection& c) {
                for (int start = 0; start < n; start += 500) {
                    const int k = std::min(500, n - start);
                    std::string q =
                        "SELECT case_id, live_count, first_expiry, last_expiry FROM "
                        "case_share_summary WHERE organisation_id = ? AND case_id IN (";
                    std::vector<store::sql::SqlValue> p{std::string("org-0")};
                    for (int i = 0; i < k; ++i) {
                        q += i == 0 ? "?" : ", ?";
                        p.emplace_back("case-" + std::to_string((start + i) * 10));
                    }
                    c.query(q + ")", p);
                }
                return 0;
            });
            listed.push_back(ms_since(t));
            t = Clock::now();
            db.read([&](store::sql::SqlConnection& c) {
                return c
                    .query(
                        "SELECT case_id, live_count, first_expiry FROM case_share_summary "
                        "WHERE organisation_id = ? AND last_expiry > ?",
                        {std::string("org-0"), now})
                    .size();
            });
            scanned.push_back(ms_since(t));
        }
        std::printf("  summary rows for %5d ids: looked up p50=%.3f ms, org scan p50=%.3f ms\n", n,
                    median(listed), median(scanned));
    }
}

// Every case has two fields, a journal entry and three attachments, and nothing to read.
domain::CaseSnapshot bench_case() {
    domain::CaseSnapshot c = test::AnyCase::general_case();
    c.fields = {{"f1", "F1", ""}, {"f2", "F2", ""}};
    c.journal = {{"j1", "", "", "", false}};
    c.attachments = {
        {"a1", "", "", "", "", 0}, {"a2", "", "", "", "", 0}, {"a3", "", "", "", "", 0}};
    return c;
}

void percentile_line(const char* what, std::vector<double> v) {
    std::sort(v.begin(), v.end());
    auto at = [&](double q) { return v[static_cast<std::size_t>(q * (v.size() - 1))]; };
    std::printf("  %-34s n=%zu  p50=%.3f ms  p99=%.3f ms  max=%.3f ms\n", what, v.size(), at(0.5),
                at(0.99), v.back());
}

// The column as it was computed before the summaries (aggregating `shares` of the listed cases in
// chunks of 500), so both figures come from one run under one machine load.
void time_share_aggregation(store::sql::Database& db, std::int64_t now) {
    std::vector<double> v;
    for (int round = 0; round < 10; ++round) {
        const auto t = Clock::now();
        db.read([&](store::sql::SqlConnection& c) {
            for (int start = 0; start < kCasesInColumn; start += 500) {
                std::string q =
                    "SELECT s.case_id, COUNT(*), MIN(s.expires_at) FROM shares s WHERE "
                    "s.organisation_id = ? AND s.case_id IN (";
                std::vector<store::sql::SqlValue> p{std::string("org-0")};
                for (int i = 0; i < 500; ++i) {
                    q += i == 0 ? "?" : ", ?";
                    p.emplace_back("case-" + std::to_string((start + i) * 10));
                }
                p.emplace_back(now);
                c.query(q + ") AND s.revoked_at IS NULL AND s.expires_at > ? GROUP BY s.case_id",
                        p);
            }
            return 0;
        });
        v.push_back(ms_since(t));
    }
    percentile_line("former column query (aggregating shares)", v);
}

// The bench restarts MariaDB for each run, and a restarted server reloads only part of its buffer
// pool, in the background, while the bench measures. A server that has been running holds the
// share index and the summaries in memory; read them once so the figures are for that server, not
// for disk reads racing a background load.
void warm_buffer_pool(store::sql::Database& db) {
    const auto t = Clock::now();
    db.read([](store::sql::SqlConnection& c) {
        c.execute("SET GLOBAL innodb_buffer_pool_load_abort = ON", {});
        c.query("SELECT COUNT(*) FROM shares FORCE INDEX (PRIMARY)", {});
        c.query("SELECT COUNT(*) FROM shares FORCE INDEX (shares_by_token)", {});
        c.query("SELECT COUNT(*), SUM(live_count) FROM case_share_summary FORCE INDEX (PRIMARY)",
                {});
        c.query(
            "SELECT COUNT(*), SUM(live_count) FROM case_share_summary FORCE INDEX "
            "(case_share_summary_by_last_expiry)",
            {});
        return 0;
    });
    std::printf("  read shares and summaries into the buffer pool: %.1f s\n", ms_since(t) / 1000);
}

void run(const char* name, const config::StorageSettings& settings) {
    std::printf("== %s\n", name);
    auto t = Clock::now();
    auto store = store::open_store(settings);
    auto& db = dynamic_cast<store::sql::SqlStore&>(*store).database();
    const auto loaded = db.read([](store::sql::SqlConnection& c) {
        return c.query("SELECT COUNT(*) FROM shares WHERE creator_user_id = 'bench'", {})
            .front()
            .integer(0);
    });
    if (loaded >= kShares) {
        std::printf("  reusing the %d shares and %lld events loaded by an earlier run\n", kShares,
                    static_cast<long long>(kEvents));
    } else {
        load_shares(db);
        std::printf("  load %d shares: %.1f s\n", kShares, ms_since(t) / 1000);
        t = Clock::now();
        load_events(db, settings.backend == config::StorageSettings::Backend::Sqlite);
        std::printf("  load %lld access events: %.1f s\n", static_cast<long long>(kEvents),
                    ms_since(t) / 1000);
        t = Clock::now();
        build_summaries(db);
        std::printf("  build case-list summaries: %.1f s\n", ms_since(t) / 1000);
    }
    if (settings.backend == config::StorageSettings::Backend::Mysql) {
        warm_buffer_pool(db);
    }
    // Warm up: the figures are for a running server, not for the first requests after a load.
    for (int i = 0; i < 5000; ++i) {
        store->shares().find_live_by_token_hash(
            crypto::sha256_hex("bench-token-" + std::to_string(i * 197 % kShares)));
    }

    std::mt19937 rng(42);
    std::uniform_int_distribution<int> pick(0, kShares - 1);
    std::vector<double> lookups;
    int live = 0;
    for (int i = 0; i < 20000; ++i) {
        const int n = pick(rng);
        const std::string hash = crypto::sha256_hex("bench-token-" + std::to_string(n));
        const auto s = Clock::now();
        live += store->shares().find_live_by_token_hash(hash).has_value();
        lookups.push_back(ms_since(s));
    }
    percentile_line("token lookup (find_live_by_token_hash)", lookups);
    std::printf("  (%d of 20000 live; the rest expired or revoked, by design)\n", live);

    std::vector<std::string> cases;
    for (int c = 0; c < kCasesInColumn; ++c) {
        cases.push_back("case-" + std::to_string(c * 10));  // all in org-0
    }
    // Warm up here too: a restarted MariaDB loads its buffer pool in the background.
    for (int i = 0; i < 5; ++i) {
        store->shares().active_share_summary("org-0", cases);
    }
    std::vector<double> column;
    int active = 0;
    for (int i = 0; i < 200; ++i) {
        const auto s = Clock::now();
        auto summary = store->shares().active_share_summary("org-0", cases);
        column.push_back(ms_since(s));
        active = 0;
        for (const auto& x : summary) {
            active += x.active_count > 0;
        }
    }
    percentile_line("column values, 10,000 cases", column);
    std::printf("  (%d of 10000 cases with an active share)\n", active);

    // What the case list really asks for: one page.
    const std::vector<std::string> page(cases.begin(), cases.begin() + 200);
    std::vector<double> page_column;
    for (int i = 0; i < 200; ++i) {
        const auto s = Clock::now();
        store->shares().active_share_summary("org-0", page);
        page_column.push_back(ms_since(s));
    }
    percentile_line("column values, page of 200 cases", page_column);
    compare_summary_reads(db, domain::to_epoch_ms(store->database_now()));
    time_share_aggregation(db, domain::to_epoch_ms(store->database_now()));

    test::AnyCase host(bench_case());
    auto box =
        crypto::SecretBox::from_key_lines("b:" + crypto::base64_encode(crypto::random_bytes(32)));
    crypto::PasswordHasher hasher{config::Argon2Settings{}};
    config::PolicyConfig policy;
    app::ShareService service(*store, host, box, hasher, policy, "https://bench.example.org");
    domain::Actor actor{"org-bench", "bench-creator", domain::Language::De};
    const int creations = 2000;
    t = Clock::now();
    for (int i = 0; i < creations; ++i) {
        domain::ShareRequest r;
        r.case_id = "bench-case-" + std::to_string(i % 100);
        r.recipient.email = "someone@example.org";
        r.delivery = i % 2 ? domain::Delivery::EmailedLink : domain::Delivery::DirectLink;
        service.create(actor, r);
    }
    const double s = ms_since(t) / 1000;
    std::printf(
        "  share creation (no password, 6 items, half with outbox row): %d in %.2f s = "
        "%.0f/s\n",
        creations, s, creations / s);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string which = argc > 1 ? argv[1] : "both";
    const std::filesystem::path work =
        argc > 2 ? argv[2] : std::filesystem::temp_directory_path() / "es-store-bench";
    std::filesystem::create_directories(work);
    try {
        if (which == "sqlite" || which == "both") {
            config::StorageSettings s;
            s.sqlite_path = (work / "bench.db").string();
            run("sqlite", s);
        }
        if (which == "mariadb" || which == "both") {
            ::setenv("MARIADB_EXTRA_ARGS",
                     "--innodb-buffer-pool-size=3G --innodb-log-file-size=512M", 1);
            // Kept between runs (stopped, not wiped): loading 11 million rows takes minutes.
            es::test::MariadbServer server((work / "mariadb").string(), false);
            const std::string db = "es_bench";
            server.sql("", "CREATE DATABASE IF NOT EXISTS es_bench");
            config::StorageSettings s =
                es::test::mariadb_storage(server, db, "ES_BENCH_MARIADB_PASSWORD");
            run("mariadb over TCP", s);
            // The same server through its Unix socket, as a MariaDB on the portal's own machine
            // is reached: on this VM a loopback TCP round trip is most of a lookup.
            s.mysql.unix_socket = server.socket();
            run("mariadb over its Unix socket", s);
            server.stop();
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "store_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
