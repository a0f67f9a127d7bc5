// A running portal on an ephemeral port, on a real SQLite store in a temp directory, with a fake
// host whose attachments are real files. Owner alerts go through the module's real service to the
// outbox (no worker runs: the rows stay there to be read); the share's owner is the host's "u1".
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <set>
#include <string>

#include "app/case_journal.hpp"
#include "app/host_reminder_directory.hpp"
#include "app/owner_alert_service.hpp"
#include "app/policy_resolver.hpp"
#include "config/settings.hpp"
#include "crypto/password_hasher.hpp"
#include "crypto/secret_box.hpp"
#include "domain/share.hpp"
#include "fake_host.hpp"
#include "host/host_adapter.hpp"
#include "http_client.hpp"
#include "portal/licence_gate.hpp"
#include "portal/portal.hpp"
#include "portal/preview_editor.hpp"
#include "store/owner_alert_repository.hpp"
#include "store/store.hpp"

namespace es::portal::test {

class FakeLicence : public LicenceGate {
  public:
    bool is_active(const std::string& organisation_id) override {
        std::lock_guard lock(mutex_);
        return inactive_.count(organisation_id) == 0;
    }
    void deactivate(const std::string& organisation_id) {
        std::lock_guard lock(mutex_);
        inactive_.insert(organisation_id);
    }

  private:
    std::mutex mutex_;
    std::set<std::string> inactive_;
};

// Hides through the repository, as ShareService does (without its user checks).
class RepositoryPreviewEditor : public PreviewEditor {
  public:
    explicit RepositoryPreviewEditor(store::Store& store) : store_(store) {}
    void hide_item(const domain::Actor& owner, const std::string& share_id, domain::Section section,
                   const std::string& item_id) override;

  private:
    store::Store& store_;
};

struct ShareSpec {
    domain::Protection protection = domain::Protection::None;
    std::optional<std::string> password = std::nullopt;
    std::optional<std::string> phone = std::nullopt;
    std::optional<std::string> email = std::nullopt;
    std::optional<std::int64_t> download_limit = std::nullopt;
    std::chrono::milliseconds lifetime = std::chrono::hours(24);
    std::string case_id = "case-1";
    std::string organisation_id = "org-1";
    bool force_email = false;
    bool notify_owner_on_open = false;
};

struct CreatedShare {
    std::string id;
    std::string token;
    std::string path() const { return "/s/" + token; }
};

class PortalTest : public ::testing::Test {
  protected:
    void SetUp() override;
    void TearDown() override;

    // Settings tweaks before the portal starts.
    virtual void configure(config::Settings&) {}

    CreatedShare create_share(const ShareSpec& spec = {});
    std::string write_file(const std::string& name, const std::string& content);
    // A sparse file of `size` bytes (holes read as zeros), created in no time.
    std::string write_sparse_file(const std::string& name, std::uint64_t size);
    // An attachment for put_case_files.
    struct CaseFile {
        std::string id;
        std::string name;
        std::string content;
        std::string media_type = "text/plain";
    };
    // Makes case-1 (of org-1) a case of just these attachments, with no modification date. The
    // fixture's share lists a1…a3, h1…h3, big and zero.
    void put_case_files(const std::vector<CaseFile>& files);
    // Makes case-1 a case of one attachment, "big" (big.bin): 64 MiB of 'x', long enough in
    // transfer for a test to act while it runs. Returns its size.
    std::uint64_t put_big_case();
    void revoke(const CreatedShare& share);
    // A share for each way a link dies while its row stays: expired, revoked, and one of an
    // organisation whose licence was deactivated (case-2 of org-2). Returns once the first has
    // expired.
    struct DeadShares {
        CreatedShare expired;
        CreatedShare revoked;
        CreatedShare unlicensed;
    };
    DeadShares create_dead_shares();
    // The audit entry of the owner (u1 of org-1) doing `action` to the share now.
    static domain::AuditEntry owner_audit(const std::string& share_id, const std::string& action);
    std::uint16_t port() const { return portal_->port(); }
    std::vector<domain::AccessEvent> access_events(const CreatedShare& share);
    // The outbox rows of `share` of one kind ("owner_opened", "owner_failed_attempts", ...).
    std::vector<domain::OutboxMessage> outbox_rows(const CreatedShare& share,
                                                   const std::string& kind);
    // Passes the password form in `browser`.
    void sign_in(Browser& browser, const CreatedShare& share, const std::string& password);

    std::string dir_;
    config::Settings settings_;
    int argon2_max_waiting_ = 0;  // set before SetUp to bound the Argon2 queue (0: unbounded)
    FakeHost host_;
    host::HostAdapter host_adapter_{host_.host()};
    std::unique_ptr<store::Store> store_;
    std::optional<crypto::SecretBox> box_;
    std::unique_ptr<crypto::PasswordHasher> hasher_;
    FakeLicence licence_;
    std::unique_ptr<RepositoryPreviewEditor> editor_;
    std::unique_ptr<app::HostReminderDirectory> owner_directory_;
    std::unique_ptr<app::OwnerAlertService> owner_alerts_;
    std::unique_ptr<app::PolicyResolver> policies_;
    std::unique_ptr<app::CaseJournal> journal_;  // first openings, in the case's journal
    std::unique_ptr<Portal> portal_;

    // The standard case: visible f1, j1, a1 ("hello.txt"), a3 ("data.bin", 1 MiB); hidden f2, j2,
    // a2 ("secret-plan.pdf"); a4 ("later.txt") exists in the host but was never selected.
    std::string a1_content_ = "hello world\n";
    std::string a3_content_;
};

}  // namespace es::portal::test
