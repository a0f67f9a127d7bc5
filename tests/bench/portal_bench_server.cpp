// A portal for benchmarks: serves the files named on the command line as attachments of one case,
// through two shares (open, and password "bench-password"), signs in once and prints what the
// driving script needs:
//   PORT <n>
//   OPEN /s/<token>              share without password
//   PROTECTED /s/<token>         share with password
//   COOKIE <cookie header>       a valid session (and CSRF pre-session) for PROTECTED
//   CSRF <token>                 the password form's CSRF token for that cookie
// then runs until stdin closes.
//
//   portal_bench_server <work dir> <file>...
//
// The store is SQLite in the work dir, or with ES_BENCH_MYSQL=<port>/<database> that database on
// 127.0.0.1 (user es, password in ES_BENCH_MYSQL_PASSWORD): one MariaDB server, or a node of a
// Galera cluster. With ES_BENCH_SHARES=<n> it first creates n shares one after the other, as
// caseworkers do, and looks each one up by its token, as every portal request does, and prints
//   CREATED <n> <shares per second>
//   LOOKUP <p50 ms> <p99 ms>
#include <Poco/Net/HTTPServerParams.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/policy_resolver.hpp"
#include "crypto/base64url.hpp"
#include "crypto/password_hasher.hpp"
#include "crypto/random_bytes.hpp"
#include "crypto/secret_box.hpp"
#include "crypto/token.hpp"
#include "domain/audit_entry.hpp"
#include "domain/selection.hpp"
#include "fake_host.hpp"
#include "host/host_adapter.hpp"
#include "http_client.hpp"
#include "portal/portal.hpp"
#include "store/store.hpp"

using namespace es;

namespace {

class AlwaysLicensed : public portal::LicenceGate {
  public:
    bool is_active(const std::string&) override { return true; }
};

class NoEditing : public portal::PreviewEditor {
  public:
    void hide_item(const domain::Actor&, const std::string&, domain::Section,
                   const std::string&) override {}
};

std::string make_share(store::Store& store, const crypto::SecretBox& box,
                       crypto::PasswordHasher& hasher, const std::vector<std::string>& ids,
                       bool with_password) {
    const std::string token = crypto::new_token();
    domain::Share s;
    s.id = crypto::new_share_id();
    s.organisation_id = "org-1";
    s.case_id = "case-1";
    s.creator_user_id = "u1";
    const auto now = store.database_now();
    s.created_at = now;
    s.expires_at = now + std::chrono::hours(24);
    s.protection = with_password ? domain::Protection::Password : domain::Protection::None;
    s.secrets.token_hash = crypto::token_hash(token);
    s.secrets.sealed_token = box.seal(token, "token:" + s.id);
    if (with_password) {
        s.secrets.password_hash = hasher.hash("bench-password");
        s.secrets.sealed_password = box.seal("bench-password", "password:" + s.id);
    }
    domain::Selection sel;
    for (auto sec : domain::kAllSections) {
        sel.include_section(sec, true);
    }
    sel.set_visible(domain::Section::Details, "f1", true);
    sel.set_visible(domain::Section::Journal, "j1", true);
    for (const auto& id : ids) {
        sel.set_visible(domain::Section::Attachments, id, true);
    }
    domain::AuditEntry audit;
    audit.organisation_id = "org-1";
    audit.case_id = "case-1";
    audit.share_id = s.id;
    audit.actor = "u1";
    audit.at = now;
    audit.action = "share.create";
    audit.details = "{}";
    store.shares().create(s, sel, {}, audit);
    return "/s/" + token;
}

using Clock = std::chrono::steady_clock;

double ms_between(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

// Share creation one after the other (each its own transaction: the share, its items, the audit
// entry), then a token lookup of each, as the portal makes on every request.
void measure_store(store::Store& store, const crypto::SecretBox& box,
                   crypto::PasswordHasher& hasher, const std::vector<std::string>& ids, int n) {
    std::vector<std::string> links;
    links.reserve(static_cast<std::size_t>(n));
    const auto started = Clock::now();
    for (int i = 0; i < n; ++i) {
        links.push_back(make_share(store, box, hasher, ids, false));
    }
    const double seconds = ms_between(started, Clock::now()) / 1000;
    std::vector<double> lookups;
    for (const auto& link : links) {
        const auto t = Clock::now();
        if (!store.shares().find_live_by_token_hash(crypto::token_hash(link.substr(3)))) {
            throw std::runtime_error("a share just created was not found");
        }
        lookups.push_back(ms_between(t, Clock::now()));
    }
    std::sort(lookups.begin(), lookups.end());
    auto at = [&](double q) { return lookups[static_cast<std::size_t>(q * (lookups.size() - 1))]; };
    std::cout << "CREATED " << n << " " << n / seconds << "\nLOOKUP " << at(0.5) << " " << at(0.99)
              << std::endl;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: portal_bench_server <work dir> <file>...\n";
        return 2;
    }
    const std::string dir = argv[1];
    config::Settings settings;
    settings.storage.sqlite_path = dir + "/bench.db";
    if (const char* mysql = std::getenv("ES_BENCH_MYSQL"); mysql != nullptr && *mysql != 0) {
        const std::string spec = mysql;
        settings.storage.backend = config::StorageSettings::Backend::Mysql;
        settings.storage.mysql.host = "127.0.0.1";
        settings.storage.mysql.port = std::stoi(spec.substr(0, spec.find('/')));
        settings.storage.mysql.database = spec.substr(spec.find('/') + 1);
        settings.storage.mysql.user = "es";
        settings.storage.mysql.password_env = "ES_BENCH_MYSQL_PASSWORD";
        settings.storage.mysql.pool_size = 64;  // one per portal worker, as the portal asks
    }
    settings.portal.port = 0;
    // The load generators run on 127.0.0.1: as a trusted proxy it is exempt from the per-client
    // connection limits that the slow-client attackers (other loopback addresses) run into.
    settings.portal.trusted_proxies = {"127.0.0.1"};
    settings.portal.send_timeout_seconds = 120;
    // As many connections as the reference nginx's worker_connections
    // (tests/bench/portal_bench.sh), so that a flood of 5,000 finds room in both.
    settings.portal.max_connections = 20000;

    auto store = store::open_store(settings.storage);
    const auto box =
        crypto::SecretBox::from_key_lines("k1:" + crypto::base64_encode(crypto::random_bytes(32)));
    crypto::PasswordHasher hasher(settings.crypto.argon2, 64);  // production parameters

    portal::test::FakeHost host;
    portal::test::FakeCase c;
    c.organisation_id = "org-1";
    c.fields = {{"f1", {"Name", "Erika Muster"}}};
    c.journal = {{"j1", std::string(2000, 'j')}};
    std::vector<std::string> ids;
    for (int i = 2; i < argc; ++i) {
        const std::string path = argv[i];
        const std::string id = "file" + std::to_string(i - 1);
        c.attachments.push_back({id, path.substr(path.rfind('/') + 1) + "-" + id, path,
                                 "application/octet-stream", "2026-01-01T00:00:00Z", ""});
        ids.push_back(id);
    }
    host.put_case("case-1", c);
    const host::HostAdapter adapter(host.host());
    const app::PolicyResolver policies(settings.policy, store->organisation_settings());
    AlwaysLicensed licence;
    NoEditing editor;
    portal::NoOwnerAlerts no_alerts;  // the bench measures serving, not alerting
    portal::NoFirstOpenings no_journal;
    portal::Portal portal(settings, portal::PortalPorts{*store, adapter, policies, licence, box,
                                                        hasher, editor, no_alerts, no_journal});
    portal.start();

    if (const char* n = std::getenv("ES_BENCH_SHARES")) {
        measure_store(*store, box, hasher, ids, std::stoi(n));
    }
    const std::string open = make_share(*store, box, hasher, ids, false);
    const std::string prot = make_share(*store, box, hasher, ids, true);
    portal::test::Browser b(portal.port());
    const auto page = b.get(prot);
    const std::string csrf = portal::test::Browser::csrf_of(page.body);
    b.post(prot + "/password", {{"csrf", csrf}, {"password", "bench-password"}});
    std::string cookie;
    for (const auto& [n, v] : b.cookies) {
        cookie += (cookie.empty() ? "" : "; ") + n + "=" + v;
    }
    std::cout << "PORT " << portal.port() << "\nOPEN " << open << "\nPROTECTED " << prot
              << "\nCOOKIE " << cookie << "\nCSRF " << csrf << std::endl;
    std::string line;
    while (std::getline(std::cin, line)) {
    }
    portal.stop();
    return 0;
}
