// The worker's rules: deliver and scrub, retry with growing delays, give up after max_attempts
// with the error kept and the owner told, never send a code late, wake up on demand.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <thread>

#include "memory_outbox_store.hpp"
#include "notify/delivery_error.hpp"
#include "notify/outbox_payload.hpp"
#include "notify/outbox_rows.hpp"
#include "notify/outbox_worker.hpp"
#include "notify/spool_mail_sender.hpp"
#include "notify/spool_sms_sender.hpp"
#include "notify/template_catalog.hpp"
#include "temp_directory.hpp"
#include "test_support.hpp"

using namespace es::notify;
using Status = es::domain::OutboxMessage::Status;

namespace {

// Fails the first `failures` sends (transiently unless `permanent`), then records them.
class ScriptedMailSender : public MailSender {
  public:
    int failures = 0;
    bool permanent = false;
    std::vector<OutgoingMail> sent;
    void send(const OutgoingMail& mail) override {
        if (failures > 0) {
            --failures;
            throw DeliveryError("SMTP test: 451 try later", permanent);
        }
        sent.push_back(mail);
    }
};

class WorkerTest : public ::testing::Test {
  protected:
    WorkerTest() : templates_(TemplateCatalog::load("")) {
        settings_.from_address = "no-reply@amt.example";
        settings_.max_attempts = 3;
        settings_.backoff_initial_seconds = 5;
        settings_.backoff_max_seconds = 3600;
        facts_.organisation_id = "org-1";
        facts_.organisation_name = "Amt";
        facts_.share_id = "0123456789abcdef0123456789abcdef";
        facts_.owner_name = "Max";
        facts_.owner_email = "max@amt.example";
        composer_ = std::make_unique<MessageComposer>(settings_, "https://p.example", templates_,
                                                      test_opener());
    }

    std::int64_t queue_link() {
        const auto now = es::domain::now_utc();
        return store_.enqueue(share_link_row(
            facts_, "anna@example.org", test_seal("TOKEN", "token:" + facts_.share_id), now, now));
    }

    OutboxWorker worker(OutboxWorker::Options options = {}) {
        return OutboxWorker(settings_, store_, *composer_, mail_, sms_, std::move(options));
    }

    es::config::NotifySettings settings_;
    TemplateCatalog templates_;
    ShareFacts facts_;
    std::unique_ptr<MessageComposer> composer_;
    MemoryOutboxStore store_;
    ScriptedMailSender mail_;
    TempDirectory spool_;
    SpoolSmsSender sms_{spool_.path().string()};
};

}  // namespace

TEST_F(WorkerTest, SentMessageKeepsNoSealedToken) {
    const auto id = queue_link();
    EXPECT_EQ(worker().run_once(), 1);
    ASSERT_EQ(mail_.sent.size(), 1u);
    const auto row = store_.find(id);
    EXPECT_EQ(row->status, Status::Sent);
    EXPECT_EQ(row->payload_json.find("sealed_token"), std::string::npos) << row->payload_json;
    EXPECT_NE(mail_.sent[0].data.find("p.example/s/TOKEN"), std::string::npos);
}

TEST_F(WorkerTest, TransientFailureIsRetriedWithGrowingDelays) {
    mail_.failures = 2;
    const auto id = queue_link();
    auto w = worker();
    w.run_once();
    EXPECT_EQ(store_.find(id)->status, Status::Pending);
    EXPECT_EQ(store_.find(id)->last_error, "SMTP test: 451 try later");
    store_.make_due(id);
    w.run_once();
    store_.make_due(id);
    w.run_once();
    EXPECT_EQ(store_.find(id)->status, Status::Sent);
    ASSERT_EQ(store_.delays.size(), 2u);
    EXPECT_GE(store_.delays[0], std::chrono::milliseconds(2500));
    EXPECT_LE(store_.delays[0], std::chrono::seconds(5));
    EXPECT_GE(store_.delays[1], std::chrono::seconds(5));
    EXPECT_LE(store_.delays[1], std::chrono::seconds(10));
}

TEST_F(WorkerTest, GivesUpAfterMaxAttemptsKeepsTheErrorAndTellsTheOwner) {
    mail_.failures = 100;
    const auto id = queue_link();
    auto w = worker();
    for (int i = 0; i < 3; ++i) {
        store_.make_due(id);
        w.run_once();
    }
    const auto row = store_.find(id);
    EXPECT_EQ(row->status, Status::Failed);
    EXPECT_EQ(row->attempts, 3);
    EXPECT_EQ(row->last_error, "SMTP test: 451 try later");
    const auto failed = store_.list_failed("org-1", 10);
    ASSERT_EQ(failed.size(), 1u);
    EXPECT_EQ(failed[0].id, id);
    const auto all = store_.for_share(facts_.share_id);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[1].kind, "owner_delivery_failed");
    EXPECT_EQ(all[1].recipient_address, "max@amt.example");
}

TEST_F(WorkerTest, PermanentRefusalFailsAtOnce) {
    mail_.failures = 1;
    mail_.permanent = true;
    const auto id = queue_link();
    worker().run_once();
    EXPECT_EQ(store_.find(id)->status, Status::Failed);
    EXPECT_EQ(store_.find(id)->attempts, 1);
}

TEST_F(WorkerTest, CodeOlderThanItsLifetimeIsDroppedNotSent) {
    const auto past = es::domain::now_utc() - std::chrono::minutes(11);
    const auto id =
        store_.enqueue(one_time_code_row(facts_, es::domain::CodeChannel::Sms, "+41791234567",
                                         test_seal("123456", "code:" + facts_.share_id), 10, past));
    worker().run_once();
    EXPECT_EQ(store_.find(id)->status, Status::Dropped);
    EXPECT_TRUE(std::filesystem::is_empty(spool_.path()) ||
                !std::filesystem::exists(spool_.path() / "sms"));
}

TEST_F(WorkerTest, CodeBySmsLandsInTheSpoolAsJson) {
    store_.enqueue(one_time_code_row(facts_, es::domain::CodeChannel::Sms, "+41791234567",
                                     test_seal("123456", "code:" + facts_.share_id), 10,
                                     es::domain::now_utc()));
    worker().run_once();
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(spool_.path() / "sms")) {
        files.push_back(e.path());
    }
    ASSERT_EQ(files.size(), 1u);
    const auto sms = read_json(files[0]);
    EXPECT_EQ(sms->getValue<std::string>("to"), "+41791234567");
    EXPECT_EQ(sms->getValue<std::string>("text"), "Ihr Code: 123456. Gültig 10 Minuten.");
    EXPECT_EQ(sms->getValue<std::string>("message_id").rfind("<es.", 0), 0u);
    EXPECT_FALSE(sms->getValue<std::string>("created_at").empty());
    EXPECT_EQ(sms->getValue<std::string>("organisation_id"), "org-1");
}

TEST_F(WorkerTest, ComposedMailKnowsItsOrganisation) {
    queue_link();
    worker().run_once();
    ASSERT_EQ(mail_.sent.size(), 1u);
    EXPECT_EQ(mail_.sent[0].organisation_id, "org-1");
    EXPECT_EQ(mail_.sent[0].data.find("org-1"), std::string::npos) << "not in the real mail";
}

TEST_F(WorkerTest, WakeDeliversWithoutWaitingForThePoll) {
    OutboxWorker::Options options;
    options.poll_interval = std::chrono::seconds(60);
    auto w = worker(options);
    w.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    queue_link();
    w.wake();
    for (int i = 0; i < 200 && mail_.sent.empty(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    w.stop();
    EXPECT_EQ(mail_.sent.size(), 1u);
}

namespace {

// A short mail with the Message-ID `id`, for the spool.
OutgoingMail spooled_mail(const std::string& id) {
    OutgoingMail m;
    m.message_id = id;
    m.data = "Subject: x\r\n\r\nbody\r\n";
    return m;
}

}  // namespace

TEST(SpoolMailSender, WritesOneEmlPerMessageIdAtomically) {
    TempDirectory dir;
    SpoolMailSender sender(dir.path().string());
    const OutgoingMail m = spooled_mail("<es.1.2@amt.example>");
    sender.send(m);
    sender.send(m);  // a resend after a crash replaces, not duplicates
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir.path() / "mail")) {
        names.push_back(e.path().filename().string());
    }
    ASSERT_EQ(names.size(), 1u);
    EXPECT_EQ(names[0], "es.1.2@amt.example.eml");
}

TEST(SpoolMailSender, MarksTheFileWithItsOrganisationOrWithNobody) {
    TempDirectory dir;
    SpoolMailSender sender(dir.path().string());
    OutgoingMail m = spooled_mail("<es.1.3@amt.example>");
    m.organisation_id = "org-7";
    sender.send(m);
    m.message_id = "<es.1.4@amt.example>";
    m.organisation_id = "org-7\r\nBcc: x@evil.example";
    sender.send(m);
    auto read = [&](const char* name) {
        std::ifstream in(dir.path() / "mail" / name, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    EXPECT_EQ(read("es.1.3@amt.example.eml"),
              "X-Spool-Organisation: org-7\r\nSubject: x\r\n\r\nbody\r\n");
    EXPECT_EQ(read("es.1.4@amt.example.eml"), m.data) << "an id that would break the header";
}
