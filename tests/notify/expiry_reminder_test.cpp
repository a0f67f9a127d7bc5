// The expiry-reminder job end to end: shares in a real SQLite store, the job with a stand-in for
// the host's directory, the real OutboxWorker and SmtpMailSender, and the mails as the real SMTP
// server (aiosmtpd) received and a MIME parser read them.
#include <gtest/gtest.h>

#include "app/case_access.hpp"
#include "app/expiry_reminder_job.hpp"
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
#include "store/sql/sql_store.hpp"
#include "test_support.hpp"
#include "text/time_text.hpp"

using namespace es;
using namespace std::chrono_literals;

namespace {

using test::AnyCase;

// The host's directory as the job sees it: max has an address, "gone" was removed, "nomail" has
// none.
class Directory : public app::ExpiryReminderJob::Directory {
  public:
    std::optional<app::ExpiryReminderJob::Owner> owner(const std::string&,
                                                       const std::string& user_id) override {
        ++owner_calls;
        if (user_id == "max") {
            return app::ExpiryReminderJob::Owner{"Max Müller", "max@amt.example"};
        }
        if (user_id == "nomail") {
            return app::ExpiryReminderJob::Owner{"No Mail", ""};
        }
        return std::nullopt;
    }
    std::string organisation_name(const std::string&) override { return "Sozialamt Zürich"; }
    std::string case_reference(const std::string&, const std::string& case_id) override {
        return "2026-" + case_id + " Familie Muster";
    }
    int owner_calls = 0;
};

std::string header(const Poco::JSON::Object::Ptr& msg, const std::string& name) {
    auto headers = msg->getObject("headers");
    return headers->has(name) ? headers->getArray(name)->getElement<std::string>(0) : "<missing>";
}

std::string text_body(const Poco::JSON::Object::Ptr& msg) {
    return msg->getArray("parts")->getObject(0)->getValue<std::string>("body");
}

std::string html_body(const Poco::JSON::Object::Ptr& msg) {
    return msg->getArray("parts")->getObject(1)->getValue<std::string>("body");
}

class ExpiryReminderJobTest : public ::testing::Test {
  protected:
    void SetUp() override {
        config::StorageSettings s;
        s.backend = config::StorageSettings::Backend::Sqlite;
        s.sqlite_path = (dir.path() / "es.db").string();
        store = store::open_store(s);
        argon2.memory_kib = 8 * 1024;
        argon2.iterations = 1;
        hasher = std::make_unique<crypto::PasswordHasher>(argon2);
        service = std::make_unique<app::ShareService>(*store, cases, box, *hasher, policy,
                                                      "https://portal.example");
        job = std::make_unique<app::ExpiryReminderJob>(
            store->reminders(), directory, 2,
            [this](const std::string& organisation) { return organisation != inactive; },
            [this](app::ExpiryReminderJob::LogLevel, const std::string& t) { log += t + "\n"; });
    }

    domain::Share share(const std::string& owner, domain::Language locale, const std::string& name,
                        std::chrono::hours expires_in) {
        domain::ShareRequest r;
        r.case_id = "case-" + owner;
        r.recipient.name = name;
        r.recipient.email = "someone@example.org";
        r.locale = locale;
        // Made 30 days ago: an expiry chosen inside the reminder window gets no reminder.
        r.expires_at = store->database_now() + expires_in + 30 * 24h;
        const auto made = service->create(domain::Actor{"org-1", owner, locale}, r).share;
        const std::int64_t shift = std::chrono::milliseconds(30 * 24h).count();
        dynamic_cast<store::sql::SqlStore&>(*store).database().transaction(
            [&](store::sql::SqlConnection& c) {
                c.execute(
                    "UPDATE shares SET expires_at = expires_at - ?, created_at = created_at - "
                    "? WHERE id = ?",
                    {shift, shift, made.id});
            });
        return *store->shares().find("org-1", made.id);
    }

    // Delivers everything due to the SMTP server on `port`.
    void deliver(int port) {
        config::NotifySettings n = test::smtp_sink_settings(port);
        n.from_name = "External Sharing";
        const auto templates = notify::TemplateCatalog::load("");
        notify::MessageComposer composer(n, "https://portal.example", templates, test_opener());
        notify::SmtpMailSender mail(n.smtp);
        notify::SpoolSmsSender sms((dir.path() / "spool").string());
        notify::OutboxWorker worker(n, store->outbox(), composer, mail, sms);
        while (worker.run_once() > 0) {
        }
        mail.end_batch();
    }

    TempDirectory dir;
    std::unique_ptr<store::Store> store;
    AnyCase cases;
    crypto::SecretBox box =
        crypto::SecretBox::from_key_lines("k1:" + crypto::base64_encode(crypto::random_bytes(32)));
    config::Argon2Settings argon2;
    std::unique_ptr<crypto::PasswordHasher> hasher;
    config::PolicyConfig policy;
    std::unique_ptr<app::ShareService> service;
    Directory directory;
    std::string log;
    std::string inactive = "none";
    std::unique_ptr<app::ExpiryReminderJob> job;
};

TEST_F(ExpiryReminderJobTest, OwnersReceiveExactlyOneReminderInTheShareLanguage) {
    const auto de = share("max", domain::Language::De, "Anna Muster", 30h);
    const auto en = share("max", domain::Language::En, "John Doe", 40h);
    share("max", domain::Language::De, "Not Yet", 24h * 10);
    SinkProcess sink("smtp_sink.py", {});

    const auto first = job->run(domain::now_utc());
    EXPECT_EQ(first.queued, 2);
    const auto second = job->run(domain::now_utc());
    EXPECT_EQ(second.queued, 0) << "each expiry is reminded once";
    deliver(sink.port());

    const auto files = sink.wait_for(2);
    ASSERT_EQ(files.size(), 2u);
    std::this_thread::sleep_for(300ms);
    ASSERT_EQ(sink.received().size(), 2u) << "nothing more arrives";
    Poco::JSON::Object::Ptr german, english;
    for (const auto& f : files) {
        const auto msg = read_json(f);
        EXPECT_EQ(msg->getArray("defects")->size(), 0u);
        EXPECT_EQ(header(msg, "To"), "Max Müller <max@amt.example>");
        (header(msg, "Subject").find("läuft") != std::string::npos ? german : english) = msg;
    }
    ASSERT_TRUE(german && english);

    // On the organisation's clock (Europe/Zurich by default), the zone named.
    const std::string de_expiry =
        text::zoned_date_time_text(de.expires_at, {domain::Language::De, "Europe/Zurich"});
    EXPECT_NE(de_expiry.find(" ME"), std::string::npos) << de_expiry;
    EXPECT_EQ(header(german, "Subject"), "Ihr Link für Anna Muster läuft am " + de_expiry + " ab");
    const std::string de_text = text_body(german);
    EXPECT_NE(de_text.find("Guten Tag Max Müller"), std::string::npos) << de_text;
    EXPECT_NE(de_text.find("Fall: 2026-case-max Familie Muster"), std::string::npos) << de_text;
    EXPECT_NE(de_text.find("\"Externes Teilen\" beim Link \"Verlängern\""), std::string::npos)
        << de_text;
    EXPECT_NE(html_body(german).find("«Verlängern»"), std::string::npos);

    const std::string en_expiry =
        text::zoned_date_time_text(en.expires_at, {domain::Language::En, "Europe/Zurich"});
    EXPECT_EQ(header(english, "Subject"), "Your link for John Doe expires on " + en_expiry);
    const std::string en_text = text_body(english);
    EXPECT_NE(en_text.find("Hello Max Müller,"), std::string::npos) << en_text;
    EXPECT_NE(en_text.find("choose \"Extend\" next to the link in its \"External Sharing\" tab"),
              std::string::npos)
        << en_text;
    EXPECT_NE(html_body(english).find("“Extend”"), std::string::npos);
}

TEST_F(ExpiryReminderJobTest, RemovedOwnerOrOwnerWithoutAddressGetsNothingAndIsNotRetried) {
    const auto gone = share("gone", domain::Language::De, "Anna", 30h);
    const auto nomail = share("nomail", domain::Language::En, "John", 30h);

    const auto first = job->run(domain::now_utc());
    EXPECT_EQ(first.queued, 0);
    EXPECT_EQ(first.without_owner, 2);
    EXPECT_NE(log.find("share " + gone.id), std::string::npos) << log;
    EXPECT_NE(log.find("no valid e-mail address"), std::string::npos) << log;
    EXPECT_TRUE(store->outbox().for_share(gone.id).empty());
    EXPECT_TRUE(store->outbox().for_share(nomail.id).empty());

    const int calls = directory.owner_calls;
    EXPECT_EQ(job->run(domain::now_utc()).without_owner, 0);
    EXPECT_EQ(directory.owner_calls, calls) << "marked: the host is not asked again";
}

TEST_F(ExpiryReminderJobTest, OrganisationWithModuleOffGetsNoReminderNotEvenAfterwards) {
    const auto s = share("max", domain::Language::De, "Anna", 30h);
    inactive = "org-1";
    const auto off = job->run(domain::now_utc());
    EXPECT_EQ(off.inactive, 1);
    EXPECT_EQ(off.queued, 0);
    EXPECT_EQ(directory.owner_calls, 0) << "the host is not even asked";
    inactive = "none";
    EXPECT_EQ(job->run(domain::now_utc()).queued, 0) << "that expiry was passed over for good";
    EXPECT_TRUE(store->outbox().for_share(s.id).empty());
}

}  // namespace
