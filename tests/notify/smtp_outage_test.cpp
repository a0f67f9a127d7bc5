// SMTP server down, then up — every message arrives exactly once. Real SQLite outbox, the
// real worker and SmtpMailSender, and a real SMTP server (aiosmtpd) that starts only after the
// first delivery attempt failed.
#include <gtest/gtest.h>

#include <set>

#include "app/case_access.hpp"
#include "app/share_service.hpp"
#include "crypto/base64url.hpp"
#include "crypto/password_hasher.hpp"
#include "crypto/random_bytes.hpp"
#include "crypto/secret_box.hpp"
#include "notify/outbox_worker.hpp"
#include "notify/smtp_mail_sender.hpp"
#include "notify/spool_sms_sender.hpp"
#include "notify/template_catalog.hpp"
#include "notify_fixtures.hpp"
#include "sink_process.hpp"
#include "test_support.hpp"

using namespace es;
using namespace std::chrono_literals;

namespace {

using test::AnyCase;

TEST(SmtpOutage, ServerDownThenUpEveryMessageArrivesExactlyOnce) {
    constexpr int kMessages = 6;
    TempDirectory dir;
    config::StorageSettings storage;
    storage.sqlite_path = (dir.path() / "es.db").string();
    auto store = store::open_store(storage);
    AnyCase cases;
    const auto box =
        crypto::SecretBox::from_key_lines("k1:" + crypto::base64_encode(crypto::random_bytes(32)));
    crypto::PasswordHasher hasher(test::fast_argon2());
    config::PolicyConfig policy;
    app::ShareService service(*store, cases, box, hasher, policy, "https://portal.example");
    std::vector<std::string> shares;
    for (int i = 0; i < kMessages; ++i) {
        const domain::ShareRequest r = test::emailed_link_request(i);
        shares.push_back(
            service.create(domain::Actor{"org-1", "max", domain::Language::De}, r).share.id);
    }

    const int port = unused_port();
    config::NotifySettings n = test::smtp_sink_settings(port);
    n.backoff_initial_seconds = 1;
    n.backoff_max_seconds = 1;
    const auto templates = notify::TemplateCatalog::load("");
    notify::MessageComposer composer(
        n, "https://portal.example", templates,
        [&box](std::string_view sealed, std::string_view ad) { return box.open(sealed, ad); });
    store::OutboxRepository& outbox = store->outbox();
    notify::SmtpMailSender mail(n.smtp);
    notify::SpoolSmsSender sms((dir.path() / "spool").string());
    notify::OutboxWorker worker(n, outbox, composer, mail, sms);

    EXPECT_EQ(worker.run_once(), kMessages) << "all tried while the server is down";
    mail.end_batch();
    for (const auto& id : shares) {
        const auto rows = outbox.for_share(id);
        ASSERT_EQ(rows.size(), 1u);
        EXPECT_EQ(rows[0].status, domain::OutboxMessage::Status::Pending) << "kept for a retry";
        EXPECT_NE(rows[0].last_error.find(std::to_string(port)), std::string::npos)
            << rows[0].last_error;
    }

    SinkProcess sink("smtp_sink.py", {"--port", std::to_string(port)});
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    int sent = 0;
    while (sent < kMessages && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(200ms);  // the backoff: due again after 0.5–1 s
        worker.run_once();
        mail.end_batch();
        sent = 0;
        for (const auto& id : shares) {
            sent += outbox.for_share(id)[0].status == domain::OutboxMessage::Status::Sent;
        }
    }
    ASSERT_EQ(sent, kMessages);
    EXPECT_EQ(worker.run_once(), 0) << "nothing left to send";
    std::this_thread::sleep_for(300ms);

    const auto files = sink.received();
    ASSERT_EQ(files.size(), static_cast<std::size_t>(kMessages));
    std::set<std::string> message_ids, recipients;
    for (const auto& f : files) {
        const auto msg = read_json(f);
        message_ids.insert(
            msg->getObject("headers")->getArray("Message-ID")->getElement<std::string>(0));
        recipients.insert(msg->getObject("headers")->getArray("To")->getElement<std::string>(0));
    }
    EXPECT_EQ(message_ids.size(), static_cast<std::size_t>(kMessages)) << "no message twice";
    EXPECT_EQ(recipients.size(), static_cast<std::size_t>(kMessages)) << "each recipient once";
}

}  // namespace
