// Owner alerts raised by the recipient's requests, through the module's real alert service into
// the outbox: "first opened" once (view or download, never the preview or HEAD, only when asked
// for), "failed tries" once per hour however the guesses come; no secret in any message; a missing
// owner never breaks the recipient's page.
#include <Poco/URI.h>

#include <atomic>
#include <thread>

#include "notify/outbox_payload.hpp"
#include "portal/owner_alerts.hpp"
#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

class OwnerAlertTest : public PortalTest {
  protected:
    CreatedShare watched_share(ShareSpec spec = {}) {
        spec.notify_owner_on_open = true;
        return create_share(spec);
    }

    std::vector<notify::OutboxPayload> payloads(const CreatedShare& share,
                                                const std::string& kind) {
        std::vector<notify::OutboxPayload> out;
        for (const auto& m : outbox_rows(share, kind)) {
            EXPECT_EQ("olga@amt.example", m.recipient_address);
            out.push_back(notify::OutboxPayload::from_json(m.payload_json));
        }
        return out;
    }

    // What the one "first opened" alert of `share` says was opened ("view", "download"); "" and a
    // failure unless exactly one was queued.
    std::string alerted_access(const CreatedShare& share) {
        const auto sent = payloads(share, "owner_opened");
        EXPECT_EQ(1u, sent.size());
        return sent.size() == 1 ? sent[0].access : "";
    }

    // No message about `share` carries any of `secrets` (nor the token), in any form the row has.
    void expect_no_secret(const CreatedShare& share, std::vector<std::string> secrets) {
        secrets.push_back(share.token);
        for (const auto& m : store_->outbox().for_share(share.id)) {
            for (const auto& secret : secrets) {
                EXPECT_EQ(std::string::npos, m.payload_json.find(secret)) << m.kind;
                EXPECT_EQ(std::string::npos, m.recipient_address.find(secret)) << m.kind;
            }
        }
    }

    // `n` wrong passwords from one client; returns the statuses.
    std::vector<int> wrong_passwords(const CreatedShare& share, const std::string& ip, int n) {
        Browser b(port());
        b.ip = ip;
        const std::string csrf = Browser::csrf_of(b.get(share.path()).body);
        std::vector<int> statuses;
        for (int i = 0; i < n; ++i) {
            statuses.push_back(
                b.post(share.path() + "/password",
                       {{"csrf", csrf}, {"password", "guess-" + std::to_string(i) + "-wrong"}})
                    .status);
        }
        return statuses;
    }
};

TEST_F(OwnerAlertTest, FirstViewQueuesOneAlertSayingView) {
    const auto share = watched_share();
    Browser b(port());
    EXPECT_EQ(200, b.get(share.path()).status);
    const auto sent = payloads(share, "owner_opened");
    ASSERT_EQ(1u, sent.size());
    EXPECT_EQ("view", sent[0].access);
    EXPECT_EQ("Olga Owner", sent[0].sender_name);
    EXPECT_EQ("Rita Recipient", sent[0].recipient_name);
    EXPECT_EQ("2026-17 Muster", sent[0].case_reference);
    expect_no_secret(share, {});
}

TEST_F(OwnerAlertTest, SecondViewQueuesNothing) {
    const auto share = watched_share();
    Browser first(port());
    Browser second(port());
    EXPECT_EQ(200, first.get(share.path()).status);
    EXPECT_EQ(200, first.get(share.path()).status);
    EXPECT_EQ(200, second.get(share.path()).status);
    EXPECT_EQ(1u, outbox_rows(share, "owner_opened").size());
}

TEST_F(OwnerAlertTest, DownloadFirstSaysDownload) {
    const auto share = watched_share();
    Browser b(port());
    EXPECT_EQ(a1_content_, b.get(share.path() + "/files/a1").body);
    EXPECT_EQ(200, b.get(share.path()).status);
    EXPECT_EQ("download", alerted_access(share));
}

TEST_F(OwnerAlertTest, ZipFirstSaysDownload) {
    const auto share = watched_share();
    Browser b(port());
    EXPECT_EQ(200, b.get(share.path() + "/all.zip").status);
    EXPECT_EQ("download", alerted_access(share));
}

TEST_F(OwnerAlertTest, HeadRequestsAreNoOpening) {
    const auto share = watched_share();
    Browser b(port());
    EXPECT_EQ(200, b.head(share.path()).status);
    EXPECT_EQ(200, b.head(share.path() + "/files/a1").status);
    EXPECT_EQ(200, b.head(share.path() + "/all.zip").status);
    EXPECT_TRUE(outbox_rows(share, "owner_opened").empty());
    EXPECT_EQ(200, b.get(share.path()).status);
    EXPECT_EQ(1u, outbox_rows(share, "owner_opened").size()) << "the check can fail";
}

TEST_F(OwnerAlertTest, OwnersPreviewIsNoOpening) {
    const auto share = watched_share();
    Browser owner(port());
    const auto ticket =
        Poco::URI(portal_->create_preview_ticket("org-1", share.id, "u1")).getPath();
    const auto opened = owner.get(ticket);
    EXPECT_EQ(303, opened.status);
    const std::string preview = opened.header("Location");
    EXPECT_EQ(200, owner.get(preview).status);
    EXPECT_EQ(a1_content_, owner.get(preview + "/files/a1").body);
    EXPECT_EQ(200, owner.get(preview + "/all.zip").status);
    EXPECT_TRUE(outbox_rows(share, "owner_opened").empty());
    Browser recipient(port());
    EXPECT_EQ(200, recipient.get(share.path()).status);
    EXPECT_EQ(1u, outbox_rows(share, "owner_opened").size()) << "the preview marked nothing";
}

TEST_F(OwnerAlertTest, ShareWithoutTheOptionQueuesNothing) {
    const auto share = create_share();
    Browser b(port());
    EXPECT_EQ(200, b.get(share.path()).status);
    EXPECT_EQ(a1_content_, b.get(share.path() + "/files/a1").body);
    EXPECT_TRUE(store_->outbox().for_share(share.id).empty());
}

TEST_F(OwnerAlertTest, PasswordFormIsNotYetAnOpening) {
    const auto share =
        watched_share({.protection = domain::Protection::Password, .password = "correct horse"});
    Browser b(port());
    EXPECT_EQ(200, b.get(share.path()).status);  // the password form
    EXPECT_TRUE(outbox_rows(share, "owner_opened").empty());
    sign_in(b, share, "correct horse");
    EXPECT_TRUE(outbox_rows(share, "owner_opened").empty()) << "signing in shows nothing yet";
    EXPECT_EQ(200, b.get(share.path()).status);
    ASSERT_EQ(1u, payloads(share, "owner_opened").size());
    expect_no_secret(share, {"correct horse"});
}

TEST_F(OwnerAlertTest, ConcurrentFirstViewsQueueOneAlert) {
    const auto share = watched_share();
    std::atomic<bool> go{false};
    std::atomic<int> ok{0};
    std::vector<std::thread> pool;
    for (int i = 0; i < 8; ++i) {
        pool.emplace_back([&] {
            Browser b(port());
            while (!go) {
                std::this_thread::yield();
            }
            ok += b.get(share.path()).status == 200 ? 1 : 0;
        });
    }
    go = true;
    for (auto& t : pool) {
        t.join();
    }
    EXPECT_EQ(8, ok.load());
    EXPECT_EQ(1u, outbox_rows(share, "owner_opened").size());
}

TEST_F(OwnerAlertTest, RemovedOwnerGetsNothingAndThePageStillOpens) {
    host_.remove_user("u1");
    const auto share = watched_share();
    Browser b(port());
    const auto page = b.get(share.path());
    EXPECT_EQ(200, page.status);
    EXPECT_NE(std::string::npos, page.body.find("hello.txt"));
    EXPECT_TRUE(store_->outbox().for_share(share.id).empty());
    bool logged = false;
    for (const auto& line : host_.log_lines()) {
        logged |= line.find("no first-opened alert for share " + share.id) != std::string::npos;
        EXPECT_EQ(std::string::npos, line.find(share.token));
    }
    EXPECT_TRUE(logged);
}

TEST_F(OwnerAlertTest, OwnerWithoutAddressGetsNothingAndThePageStillOpens) {
    host_.put_user("u1", {"org-1", "Olga Owner", "", true});
    const auto share = watched_share();
    Browser b(port());
    EXPECT_EQ(200, b.get(share.path()).status);
    EXPECT_TRUE(store_->outbox().for_share(share.id).empty());
}

TEST_F(OwnerAlertTest, RepeatedWrongPasswordsAlertOnceWhenThrottledThenNotAgainWithinTheHour) {
    const auto share =
        create_share({.protection = domain::Protection::Password, .password = "correct horse"});
    const int free = settings_.portal.guesses.free_per_address;
    // Free tries that start no delay: no alert yet.
    wrong_passwords(share, "198.51.100.1", free - 1);
    EXPECT_TRUE(outbox_rows(share, "owner_failed_attempts").empty());
    // The last free try delays the client's next one: the owner hears of it.
    EXPECT_EQ(std::vector<int>{403}, wrong_passwords(share, "198.51.100.1", 1));
    auto sent = payloads(share, "owner_failed_attempts");
    ASSERT_EQ(1u, sent.size());
    EXPECT_EQ("password", sent[0].credential);
    EXPECT_EQ(free, sent[0].attempts);
    EXPECT_TRUE(sent[0].throttled);
    // More failures from other clients within the hour: counted, no further mail.
    wrong_passwords(share, "198.51.100.2", free);
    wrong_passwords(share, "198.51.100.3", 2);
    EXPECT_EQ(1u, outbox_rows(share, "owner_failed_attempts").size());
    std::vector<std::string> guesses = {"correct horse"};
    for (int i = 0; i < free; ++i) {
        guesses.push_back("guess-" + std::to_string(i) + "-wrong");
    }
    expect_no_secret(share, guesses);
}

TEST_F(OwnerAlertTest, GuessesSpreadOverClientsAlertBeforeAnyoneIsThrottled) {
    const auto share =
        create_share({.protection = domain::Protection::Password, .password = "correct horse"});
    const int free = settings_.portal.guesses.free_per_address;
    for (int i = 0; i <= free; ++i) {
        EXPECT_EQ(std::vector<int>{403},
                  wrong_passwords(share, "198.51.100." + std::to_string(10 + i), 1));
    }
    const auto sent = payloads(share, "owner_failed_attempts");
    ASSERT_EQ(1u, sent.size());
    EXPECT_EQ(free + 1, sent[0].attempts);
    EXPECT_FALSE(sent[0].throttled);
}

TEST_F(OwnerAlertTest, RepeatedWrongCodesAlertWithoutTheCode) {
    const auto share = create_share({.protection = domain::Protection::Code,
                                     .phone = "+41791234567",
                                     .email = "max.muster@example.org"});
    Browser b(port());
    b.ip = "198.51.100.7";
    const std::string csrf = Browser::csrf_of(b.get(share.path()).body);
    ASSERT_EQ(303, b.post(share.path() + "/code/send", {{"csrf", csrf}}).status);
    const auto code = box_->open(
        notify::OutboxPayload::from_json(outbox_rows(share, "one_time_code").back().payload_json)
            .sealed_code,
        "code:" + share.id);
    const std::string wrong = code == "000000" ? "111111" : "000000";
    const int free = settings_.portal.guesses.free_per_address;
    for (int i = 0; i < free - 1; ++i) {
        EXPECT_EQ(403, b.post(share.path() + "/code", {{"csrf", csrf}, {"code", wrong}}).status);
    }
    EXPECT_TRUE(outbox_rows(share, "owner_failed_attempts").empty());
    // The last free try delays the client: the owner hears of it.
    EXPECT_EQ(403, b.post(share.path() + "/code", {{"csrf", csrf}, {"code", wrong}}).status);
    const auto sent = payloads(share, "owner_failed_attempts");
    ASSERT_EQ(1u, sent.size());
    EXPECT_EQ("code", sent[0].credential);
    EXPECT_TRUE(sent[0].throttled);
    for (const auto& m : outbox_rows(share, "owner_failed_attempts")) {
        EXPECT_EQ(std::string::npos, m.payload_json.find("sealed_code"));
        EXPECT_EQ(std::string::npos, m.payload_json.find(code));
    }
    expect_no_secret(share, {});
}

}  // namespace
}  // namespace es::portal::test
