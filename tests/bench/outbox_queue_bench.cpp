// What queueing a message adds to the transaction that writes it (the aim: < 1 ms), on SQLite and
// on a real MariaDB: the share-creation transaction (share row, 6 selection items, audit entry)
// with and without its link e-mail in the outbox. The "with" side includes building the row
// (address validation, payload JSON), as a caller pays it. Pairs alternate which runs first, so
// drift and caches treat both alike; each pair's difference is one sample.
//
//   outbox_queue_bench [sqlite|mariadb|both] [pairs]     (default: both, 2000)
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "crypto/token.hpp"
#include "domain/selection.hpp"
#include "mariadb_server.hpp"
#include "mariadb_storage.hpp"
#include "notify/outbox_rows.hpp"
#include "store/store.hpp"

namespace {

using namespace es;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

struct Percentiles {
    double p50, p99;
};

Percentiles percentiles(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    auto at = [&](double q) { return v[static_cast<std::size_t>(q * (v.size() - 1))]; };
    return {at(0.5), at(0.99)};
}

domain::Share new_share(domain::Timestamp now) {
    domain::Share s;
    s.id = crypto::new_share_id();
    s.organisation_id = "org-bench";
    s.case_id = "case-" + s.id.substr(0, 2);
    s.creator_user_id = "bench";
    s.recipient.name = "Anna Muster";
    s.recipient.email = "anna@example.org";
    s.created_at = now;
    s.expires_at = now + std::chrono::hours(24);
    s.delivery = domain::Delivery::EmailedLink;
    s.secrets.token_hash = crypto::token_hash(crypto::new_token());
    // Sealed tokens are about this long (AES-GCM, base64url); the bytes are what counts here.
    s.secrets.sealed_token = std::string(96, 's');
    return s;
}

domain::AuditEntry audit_for(const domain::Share& s) {
    return {0,
            s.organisation_id,
            s.case_id,
            s.id,
            "bench",
            {},
            "share.create",
            R"({"recipient_email":"anna@example.org","delivery":"emailed_link"})"};
}

void run(const char* name, const config::StorageSettings& settings, int pairs) {
    auto store = store::open_store(settings);
    const auto selection = domain::Selection::everything_in(
        {{"f1", "f2"}, {"j1"}, {"a1", "a2", "a3"}},
        {domain::Section::Details, domain::Section::Journal, domain::Section::Attachments});
    notify::ShareFacts facts;
    facts.organisation_id = "org-bench";
    facts.organisation_name = "Sozialamt Zürich";
    facts.owner_name = "Max Müller";
    facts.owner_email = "max@amt.example";
    facts.recipient_name = "Anna Muster";

    auto without = [&] {
        const auto share = new_share(domain::now_utc());
        const auto t = Clock::now();
        store->shares().create(share, selection, {}, audit_for(share));
        return ms_since(t);
    };
    auto with = [&] {
        const auto share = new_share(domain::now_utc());
        const auto t = Clock::now();
        facts.share_id = share.id;
        const auto row =
            notify::share_link_row(facts, *share.recipient.email, share.secrets.sealed_token,
                                   share.expires_at, share.created_at);
        store->shares().create(share, selection, {row}, audit_for(share));
        return ms_since(t);
    };

    for (int i = 0; i < 200; ++i) {  // warm up: statement caches, pool, file growth
        without();
        with();
    }
    std::vector<double> plain, queued, difference;
    for (int i = 0; i < pairs; ++i) {
        double a, b;
        if (i % 2 == 0) {
            a = without();
            b = with();
        } else {
            b = with();
            a = without();
        }
        plain.push_back(a);
        queued.push_back(b);
        difference.push_back(b - a);
    }
    const auto p = percentiles(plain), q = percentiles(queued), d = percentiles(difference);
    std::printf("== %s (%d pairs)\n", name, pairs);
    std::printf("  share transaction without outbox row: p50=%.3f ms  p99=%.3f ms\n", p.p50, p.p99);
    std::printf("  share transaction with outbox row:    p50=%.3f ms  p99=%.3f ms\n", q.p50, q.p99);
    std::printf("  added by the row: p50 %+.3f ms, p99 %+.3f ms (difference of the percentiles)\n",
                q.p50 - p.p50, q.p99 - p.p99);
    std::printf("  paired differences (with - without): p50=%+.3f ms  p99=%+.3f ms\n", d.p50,
                d.p99);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string which = argc > 1 ? argv[1] : "both";
    const int pairs = argc > 2 ? std::atoi(argv[2]) : 2000;
    const auto work = std::filesystem::temp_directory_path() /
                      ("es-outbox-queue-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(work);
    int status = 0;
    try {
        if (which == "sqlite" || which == "both") {
            config::StorageSettings s;
            s.sqlite_path = (work / "bench.db").string();
            run("sqlite", s, pairs);
        }
        if (which == "mariadb" || which == "both") {
            es::test::MariadbServer server((work / "mariadb").string(), true);
            const std::string db = server.create_database();
            run("mariadb", es::test::mariadb_storage(server, db, "ES_BENCH_MARIADB_PASSWORD"),
                pairs);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "outbox_queue_bench: %s\n", e.what());
        status = 1;
    }
    std::error_code ec;
    std::filesystem::remove_all(work, ec);
    return status;
}
