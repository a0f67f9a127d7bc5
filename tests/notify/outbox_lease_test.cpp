// A batch that takes longer than the lease, with a second worker waiting — no crash, yet a
// duplicate unless each claim is renewed when its message is sent and every outcome is recorded
// only by the claim's owner. Two real workers on two stores over one SQLite file (as two
// instances), real SmtpMailSenders, a slow real SMTP server (aiosmtpd).
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

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
#include "outbox_crash_support.hpp"
#include "sink_process.hpp"
#include "temp_directory.hpp"

using namespace es;
using namespace std::chrono_literals;

namespace {

// One instance: its own store (connection) on the shared file, its own sender and worker.
struct Instance {
    Instance(const config::StorageSettings& storage, const config::NotifySettings& settings,
             const notify::MessageComposer& composer, const std::filesystem::path& spool,
             notify::OutboxWorker::Options options)
        : store(store::open_store(storage)),
          mail(settings.smtp),
          sms(spool.string()),
          worker(settings, store->outbox(), composer, mail, sms, std::move(options)) {}

    std::unique_ptr<store::Store> store;
    notify::SmtpMailSender mail;
    notify::SpoolSmsSender sms;
    notify::OutboxWorker worker;
};

TEST(OutboxLease, BatchLongerThanTheLeaseIsDeliveredOnceWhileASecondWorkerWaits) {
    constexpr int kMessages = 10;
    // 0.25 s per message: the batch of 10 takes 2.5 s, the lease is 1 s.
    SinkProcess sink("smtp_sink.py", {"--delay", "0.25"});
    TempDirectory dir;
    config::StorageSettings storage;
    storage.sqlite_path = (dir.path() / "es.db").string();

    const auto box =
        crypto::SecretBox::from_key_lines("k1:" + crypto::base64_encode(crypto::random_bytes(32)));
    std::vector<std::string> shares;
    {
        auto store = store::open_store(storage);
        test::AnyCase cases;
        crypto::PasswordHasher hasher(test::fast_argon2());
        config::PolicyConfig policy;
        app::ShareService service(*store, cases, box, hasher, policy, "https://portal.example");
        for (int i = 0; i < kMessages; ++i) {
            shares.push_back(service
                                 .create(domain::Actor{"org-1", "max", domain::Language::De},
                                         test::emailed_link_request(i))
                                 .share.id);
        }
    }

    const config::NotifySettings settings = test::smtp_sink_settings(sink.port());
    const auto templates = notify::TemplateCatalog::load("");
    notify::MessageComposer composer(
        settings, "https://portal.example", templates,
        [&box](std::string_view sealed, std::string_view ad) { return box.open(sealed, ad); });
    notify::OutboxWorker::Options options;
    options.poll_interval = 50ms;
    options.lease = 1s;
    options.batch_size = kMessages;

    Instance first(storage, settings, composer, dir.path() / "spool-1", options);
    Instance second(storage, settings, composer, dir.path() / "spool-2", options);
    first.worker.start();
    // The first worker holds the whole batch before the second one looks.
    ASSERT_GE(sink.wait_for(1).size(), 1u);
    second.worker.start();

    const auto deadline = std::chrono::steady_clock::now() + 20s;
    int sent = 0;
    while (sent < kMessages && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(50ms);
        sent = 0;
        for (const auto& id : shares) {
            for (const auto& row : first.store->outbox().for_share(id)) {
                sent += row.status == domain::OutboxMessage::Status::Sent ? 1 : 0;
            }
        }
    }
    // A duplicate still on the wire arrives within one delivery's time.
    std::this_thread::sleep_for(500ms);
    first.worker.stop();
    second.worker.stop();
    ASSERT_EQ(sent, kMessages);

    std::map<std::string, int> arrivals;
    for (const auto& id : outbox_crash::received_ids(sink)) {
        ++arrivals[id];
    }
    EXPECT_EQ(arrivals.size(), static_cast<std::size_t>(kMessages));
    int twice = 0;
    for (const auto& [id, count] : arrivals) {
        twice += count > 1 ? 1 : 0;
        EXPECT_EQ(count, 1) << id;
    }
    EXPECT_EQ(twice, 0) << "messages delivered more than once";
}

}  // namespace
