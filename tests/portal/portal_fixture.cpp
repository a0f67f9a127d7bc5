#include "portal_fixture.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "crypto/base64url.hpp"
#include "crypto/random_bytes.hpp"
#include "crypto/token.hpp"
#include "domain/audit_entry.hpp"
#include "domain/selection.hpp"

namespace es::portal::test {

void RepositoryPreviewEditor::hide_item(const domain::Actor& owner, const std::string& share_id,
                                        domain::Section section, const std::string& item_id) {
    domain::AuditEntry audit;
    audit.organisation_id = owner.organisation_id;
    audit.share_id = share_id;
    audit.actor = owner.user_id;
    audit.at = domain::now_utc();
    audit.action = "item.hide";
    audit.details = "{}";
    store_.shares().set_item_visible(owner.organisation_id, share_id, section, item_id, false,
                                     audit);
}

void PortalTest::SetUp() {
    char tmpl[] = "/tmp/es-portal-test-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    settings_.storage.sqlite_path = dir_ + "/es.db";
    settings_.portal.listen_address = "127.0.0.1";
    settings_.portal.port = 0;
    settings_.portal.public_url = "http://127.0.0.1";
    settings_.portal.max_threads = 128;
    settings_.portal.trusted_proxies = {"127.0.0.1"};
    settings_.portal.send_timeout_seconds = 10;
    configure(settings_);

    store_ = store::open_store(settings_.storage);
    box_.emplace(
        crypto::SecretBox::from_key_lines("k1:" + crypto::base64_encode(crypto::random_bytes(32))));
    config::Argon2Settings argon;
    argon.memory_kib = 8 * 1024;  // small for fast tests; production uses 19 MiB
    argon.iterations = 1;
    argon.max_in_flight = 2;
    hasher_ = std::make_unique<crypto::PasswordHasher>(argon, argon2_max_waiting_);
    editor_ = std::make_unique<RepositoryPreviewEditor>(*store_);

    std::mt19937 rng(42);
    a3_content_.resize(1 << 20);
    for (auto& c : a3_content_) {
        c = static_cast<char>(rng());
    }
    FakeCase c;
    c.organisation_id = "org-1";
    c.fields = {{"f1", {"Name", "Erika <b>Muster</b>"}}, {"f2", {"Hidden field", "TOPSECRET-F2"}}};
    c.journal = {{"j1", "Erster Eintrag\nzweite Zeile"}, {"j2", "TOPSECRET-J2"}};
    c.attachments = {
        {"a1", "hello.txt", write_file("a1", a1_content_), "text/plain", "2026-01-02T03:04:05Z",
         ""},
        {"a2", "secret-plan.pdf", write_file("a2", "TOPSECRET-A2"), "application/pdf",
         "2026-01-02T03:04:05Z", ""},
        {"a3", "data.bin", write_file("a3", a3_content_), "application/octet-stream",
         "2026-01-02T03:04:05Z", std::string(64, 'a')},
        {"a4", "later.txt", write_file("a4", "added later"), "text/plain", "2026-01-02T03:04:05Z",
         ""},
    };
    host_.put_case("case-1", c);
    FakeCase other = c;
    other.organisation_id = "org-2";
    host_.put_case("case-2", other);

    host_.put_user("u1", {"org-1", "Olga Owner", "olga@amt.example", true});
    owner_directory_ = std::make_unique<app::HostReminderDirectory>(
        host_adapter_, store_->organisation_settings());
    owner_alerts_ = std::make_unique<app::OwnerAlertService>(
        store_->owner_alerts(), *owner_directory_,
        [this](const std::string& text) { host_adapter_.log(host::LogLevel::Warning, text); });
    policies_ =
        std::make_unique<app::PolicyResolver>(settings_.policy, store_->organisation_settings());
    journal_ = std::make_unique<app::CaseJournal>(host_adapter_, *store_);

    portal_ = std::make_unique<Portal>(
        settings_, PortalPorts{*store_, host_adapter_, *policies_, licence_, *box_, *hasher_,
                               *editor_, *owner_alerts_, *journal_});
    portal_->start();
}

void PortalTest::TearDown() {
    portal_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
}

std::string PortalTest::write_file(const std::string& name, const std::string& content) {
    const std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

void PortalTest::put_case_files(const std::vector<CaseFile>& files) {
    FakeCase c;
    c.organisation_id = "org-1";
    for (const auto& f : files) {
        c.attachments.push_back({f.id, f.name, write_file(f.id, f.content), f.media_type, "", ""});
    }
    host_.put_case("case-1", c);
}

std::uint64_t PortalTest::put_big_case() {
    const std::string big(64 << 20, 'x');
    put_case_files({{"big", "big.bin", big, "application/octet-stream"}});
    return big.size();
}

std::string PortalTest::write_sparse_file(const std::string& name, std::uint64_t size) {
    const std::string path = dir_ + "/" + name;
    const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
    EXPECT_EQ(0, ::ftruncate(fd, static_cast<off_t>(size)));
    ::close(fd);
    return path;
}

CreatedShare PortalTest::create_share(const ShareSpec& spec) {
    CreatedShare created;
    created.id = crypto::new_share_id();
    created.token = crypto::new_token();
    const auto now = store_->database_now();
    domain::Share s;
    s.id = created.id;
    s.organisation_id = spec.organisation_id;
    s.case_id = spec.case_id;
    s.creator_user_id = "u1";
    s.recipient.name = "Rita Recipient";
    s.recipient.phone = spec.phone;
    s.recipient.email = spec.email;
    s.created_at = now;
    s.expires_at = now + std::chrono::duration_cast<std::chrono::milliseconds>(spec.lifetime);
    s.protection = spec.protection;
    s.code_channel = domain::choose_code_channel(spec.protection, s.recipient, spec.force_email);
    s.locale = domain::Language::De;
    s.download_limit = spec.download_limit;
    s.notify_owner_on_open = spec.notify_owner_on_open;
    s.secrets.token_hash = crypto::token_hash(created.token);
    s.secrets.sealed_token = box_->seal(created.token, "token:" + s.id);
    if (spec.password) {
        s.secrets.password_hash = hasher_->hash(*spec.password);
        s.secrets.sealed_password = box_->seal(*spec.password, "password:" + s.id);
    }
    domain::Selection sel;
    for (auto sec : domain::kAllSections) {
        sel.include_section(sec, true);
    }
    sel.set_visible(domain::Section::Details, "f1", true);
    sel.set_visible(domain::Section::Details, "f2", false);
    sel.set_visible(domain::Section::Journal, "j1", true);
    sel.set_visible(domain::Section::Journal, "j2", false);
    sel.set_visible(domain::Section::Attachments, "a1", true);
    sel.set_visible(domain::Section::Attachments, "a2", false);
    sel.set_visible(domain::Section::Attachments, "a3", true);
    for (const auto& extra : {"h1", "h2", "h3", "big", "zero"}) {
        sel.set_visible(domain::Section::Attachments, extra, true);  // used by single tests
    }
    domain::AuditEntry audit = owner_audit(s.id, "share.create");
    audit.organisation_id = s.organisation_id;
    audit.case_id = s.case_id;
    audit.at = now;
    store_->shares().create(s, sel, {}, audit);
    return created;
}

domain::AuditEntry PortalTest::owner_audit(const std::string& share_id, const std::string& action) {
    domain::AuditEntry audit;
    audit.organisation_id = "org-1";
    audit.share_id = share_id;
    audit.actor = "u1";
    audit.at = domain::now_utc();
    audit.action = action;
    audit.details = "{}";
    return audit;
}

void PortalTest::revoke(const CreatedShare& share) {
    ASSERT_TRUE(
        store_->shares().revoke("org-1", share.id, "u1", owner_audit(share.id, "share.revoke")));
}

PortalTest::DeadShares PortalTest::create_dead_shares() {
    DeadShares dead;
    dead.expired = create_share({.lifetime = std::chrono::milliseconds(1)});
    dead.revoked = create_share();
    revoke(dead.revoked);
    dead.unlicensed = create_share({.case_id = "case-2", .organisation_id = "org-2"});
    licence_.deactivate("org-2");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return dead;
}

std::vector<domain::AccessEvent> PortalTest::access_events(const CreatedShare& share) {
    return store_->access_log().for_share("org-1", share.id, domain::Page{0, 1000});
}

std::vector<domain::OutboxMessage> PortalTest::outbox_rows(const CreatedShare& share,
                                                           const std::string& kind) {
    std::vector<domain::OutboxMessage> out;
    for (auto& m : store_->outbox().for_share(share.id)) {
        if (m.kind == kind) {
            out.push_back(std::move(m));
        }
    }
    return out;
}

void PortalTest::sign_in(Browser& browser, const CreatedShare& share, const std::string& password) {
    auto page = browser.get(share.path());
    ASSERT_EQ(200, page.status);
    auto r = browser.post(share.path() + "/password",
                          {{"csrf", Browser::csrf_of(page.body)}, {"password", password}});
    ASSERT_EQ(303, r.status) << r.body;
}

}  // namespace es::portal::test
