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
#include <Poco/Net/HTTPServerParams.h>

#include <iostream>
#include <map>
#include <string>

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

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: portal_bench_server <work dir> <file>...\n";
        return 2;
    }
    const std::string dir = argv[1];
    config::Settings settings;
    settings.storage.sqlite_path = dir + "/bench.db";
    settings.portal.port = 0;
    // The load generators run on 127.0.0.1: as a trusted proxy it is exempt from the per-client
    // connection limits that the slow-client attackers (other loopback addresses) run into.
    settings.portal.trusted_proxies = {"127.0.0.1"};
    settings.portal.send_timeout_seconds = 120;

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
