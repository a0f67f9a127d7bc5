// One-time codes: only sent on POST, to the masked contact, verified once.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

class CodeTest : public PortalTest {
  protected:
    CreatedShare code_share() {
        return create_share({.protection = domain::Protection::Code,
                             .phone = "+41791234567",
                             .email = "max.muster@example.org"});
    }
    std::string last_code(const CreatedShare& share) {
        const auto messages = store_->outbox().for_share(share.id);
        EXPECT_FALSE(messages.empty());
        Poco::JSON::Parser parser;
        auto o = parser.parse(messages.back().payload_json).extract<Poco::JSON::Object::Ptr>();
        return box_->open(o->getValue<std::string>("sealed_code"), "code:" + share.id);
    }
};

TEST_F(CodeTest, GetNeverSendsACode) {
    const auto share = code_share();
    Browser b(port());
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(200, b.get(share.path()).status);
        b.head(share.path());
        b.get(share.path() + "/code/send");
    }
    EXPECT_TRUE(store_->outbox().for_share(share.id).empty());
}

TEST_F(CodeTest, PostSendsBySmsToTheMaskedNumber) {
    const auto share = code_share();
    Browser b(port());
    const auto page = b.get(share.path());
    EXPECT_NE(std::string::npos, page.body.find("+41 •• ••• •• 67")) << page.body;
    EXPECT_EQ(std::string::npos, page.body.find("791234567"));
    EXPECT_EQ(303,
              b.post(share.path() + "/code/send", {{"csrf", Browser::csrf_of(page.body)}}).status);
    const auto messages = store_->outbox().for_share(share.id);
    ASSERT_EQ(1u, messages.size());
    EXPECT_EQ("sms", messages[0].channel);
    EXPECT_EQ("one_time_code", messages[0].kind);
    EXPECT_EQ(std::string::npos, messages[0].payload_json.find(last_code(share)))
        << "the code travels sealed";
}

TEST_F(CodeTest, SendWithoutCsrfIsRefused) {
    const auto share = code_share();
    Browser b(port());
    b.get(share.path());
    EXPECT_EQ(403, b.post(share.path() + "/code/send", {}).status);
    EXPECT_TRUE(store_->outbox().for_share(share.id).empty());
}

TEST_F(CodeTest, EmailWhenNoPhoneIsKnown) {
    const auto share =
        create_share({.protection = domain::Protection::Code, .email = "max.muster@example.org"});
    Browser b(port());
    const auto page = b.get(share.path());
    EXPECT_NE(std::string::npos, page.body.find("m•••@example.org"));
    b.post(share.path() + "/code/send", {{"csrf", Browser::csrf_of(page.body)}});
    const auto messages = store_->outbox().for_share(share.id);
    ASSERT_EQ(1u, messages.size());
    EXPECT_EQ("email", messages[0].channel);
}

TEST_F(CodeTest, RightCodeOpensTheShareOnceAndWrongCodeDoesNot) {
    const auto share = code_share();
    Browser b(port());
    const std::string csrf = Browser::csrf_of(b.get(share.path()).body);
    b.post(share.path() + "/code/send", {{"csrf", csrf}});
    const std::string code = last_code(share);
    const std::string wrong = code == "000000" ? "111111" : "000000";
    EXPECT_EQ(403, b.post(share.path() + "/code", {{"csrf", csrf}, {"code", wrong}}).status);
    EXPECT_EQ(303, b.post(share.path() + "/code", {{"csrf", csrf}, {"code", code}}).status);
    EXPECT_NE(std::string::npos, b.get(share.path()).body.find("hello.txt"));
    Browser replay(port());
    const std::string csrf2 = Browser::csrf_of(replay.get(share.path()).body);
    EXPECT_EQ(403, replay.post(share.path() + "/code", {{"csrf", csrf2}, {"code", code}}).status)
        << "a code works once";
}

TEST_F(CodeTest, PasswordAndCodeNeedBoth) {
    const auto share = create_share({.protection = domain::Protection::PasswordAndCode,
                                     .password = "correct horse",
                                     .phone = "+41791234567"});
    Browser b(port());
    const std::string csrf = Browser::csrf_of(b.get(share.path()).body);
    // The code cannot be requested before the password.
    b.post(share.path() + "/code/send", {{"csrf", csrf}});
    EXPECT_TRUE(store_->outbox().for_share(share.id).empty());
    sign_in(b, share, "correct horse");
    const auto page = b.get(share.path());
    EXPECT_NE(std::string::npos, page.body.find("name=\"code\""));
    EXPECT_EQ(303, b.get(share.path() + "/files/a1").status);
    b.post(share.path() + "/code/send", {{"csrf", csrf}});
    EXPECT_EQ(303,
              b.post(share.path() + "/code", {{"csrf", csrf}, {"code", last_code(share)}}).status);
    EXPECT_EQ(a1_content_, b.get(share.path() + "/files/a1").body);
}

TEST_F(CodeTest, CodeSendsAreLimitedPerAddressFirst) {
    const auto share = code_share();
    const int per_address = settings_.policy.defaults.code_sends_per_address_per_hour;
    Browser first(port());
    first.ip = "198.51.100.1";
    const std::string csrf = Browser::csrf_of(first.get(share.path()).body);
    for (int i = 0; i < per_address; ++i) {
        EXPECT_EQ(303, first.post(share.path() + "/code/send", {{"csrf", csrf}}).status) << i;
    }
    const auto refused = first.post(share.path() + "/code/send", {{"csrf", csrf}});
    EXPECT_EQ(429, refused.status);
    EXPECT_GT(std::stoi(refused.header("Retry-After")), 3000) << "until the address's hour is over";
    // Another address still gets its codes: the first one could not use up the share's.
    Browser second(port());
    second.ip = "203.0.113.5";
    EXPECT_EQ(303, second
                       .post(share.path() + "/code/send",
                             {{"csrf", Browser::csrf_of(second.get(share.path()).body)}})
                       .status);
    EXPECT_EQ(static_cast<std::size_t>(per_address + 1),
              outbox_rows(share, "one_time_code").size());
}

TEST_F(CodeTest, ShareWideCodeLimitAlertsTheOwnerOnceAndTellsTheRecipientWhomToAsk) {
    const auto share = code_share();
    const int per_share = settings_.policy.defaults.code_sends_per_hour;
    const int per_address = settings_.policy.defaults.code_sends_per_address_per_hour;
    int sent = 0;
    for (int address = 1; sent < per_share; ++address) {
        Browser b(port());
        b.ip = "198.51.100." + std::to_string(address);
        const std::string csrf = Browser::csrf_of(b.get(share.path()).body);
        for (int i = 0; i < per_address && sent < per_share; ++i, ++sent) {
            ASSERT_EQ(303, b.post(share.path() + "/code/send", {{"csrf", csrf}}).status);
        }
    }
    EXPECT_TRUE(outbox_rows(share, "owner_code_limit").empty()) << "not before the limit";
    // The recipient, on an address that sent nothing yet, now hears whom to ask.
    Browser recipient(port());
    recipient.ip = "203.0.113.5";
    const std::string csrf =
        Browser::csrf_of(recipient.get(share.path(), {{"Accept-Language", "en"}}).body);
    const auto en =
        recipient.post(share.path() + "/code/send", {{"csrf", csrf}}, {{"Accept-Language", "en"}});
    EXPECT_EQ(429, en.status);
    EXPECT_GT(std::stoi(en.header("Retry-After")), 3000);
    EXPECT_NE(std::string::npos,
              en.body.find("No more security codes can be sent for this link at the moment."))
        << en.body;
    EXPECT_NE(std::string::npos, en.body.find("contact the person who sent you the link"));
    const auto de =
        recipient.post(share.path() + "/code/send", {{"csrf", csrf}}, {{"Accept-Language", "de"}});
    EXPECT_EQ(429, de.status);
    EXPECT_NE(std::string::npos,
              de.body.find("wenden Sie sich an die Person, die Ihnen den Link geschickt hat"))
        << de.body;
    EXPECT_EQ(static_cast<std::size_t>(per_share), outbox_rows(share, "one_time_code").size());
    // The owner is told once, however often the limit refuses.
    const auto alerts = outbox_rows(share, "owner_code_limit");
    ASSERT_EQ(1u, alerts.size());
    EXPECT_EQ("olga@amt.example", alerts[0].recipient_address);
    bool logged = false;
    for (const auto& e : access_events(share)) {
        logged |= e.action == "code_send" && e.outcome == "limit_reached";
    }
    EXPECT_TRUE(logged);
}

TEST_F(CodeTest, WrongGuessesInOneBrowserBurnOnlyThatBrowsersCodes) {
    const auto share = code_share();
    Browser recipient(port());
    recipient.ip = "203.0.113.5";
    const std::string recipient_csrf = Browser::csrf_of(recipient.get(share.path()).body);
    ASSERT_EQ(303, recipient.post(share.path() + "/code/send", {{"csrf", recipient_csrf}}).status);
    const std::string code = last_code(share);
    // Someone else on another address asks for codes and guesses (the recipient's code too).
    Browser attacker(port());
    attacker.ip = "198.51.100.1";
    const std::string csrf = Browser::csrf_of(attacker.get(share.path()).body);
    for (int i = 0; i < settings_.policy.defaults.code_sends_per_address_per_hour; ++i) {
        attacker.post(share.path() + "/code/send", {{"csrf", csrf}});
    }
    const std::string wrong = code == "000000" ? "111111" : "000000";
    for (const auto& guess : {code, wrong, wrong, wrong, wrong}) {
        EXPECT_EQ(403,
                  attacker.post(share.path() + "/code", {{"csrf", csrf}, {"code", guess}}).status);
    }
    EXPECT_EQ(
        303,
        recipient.post(share.path() + "/code", {{"csrf", recipient_csrf}, {"code", code}}).status)
        << "the recipient's code is still good";
    EXPECT_NE(std::string::npos, recipient.get(share.path()).body.find("hello.txt"));
}

TEST_F(CodeTest, ACodeRequestedInAnotherBrowserStaysValid) {
    const auto share = code_share();
    // Two browsers behind one address: the second one's request does not replace the first code.
    Browser phone(port());
    Browser laptop(port());
    const std::string phone_csrf = Browser::csrf_of(phone.get(share.path()).body);
    const std::string laptop_csrf = Browser::csrf_of(laptop.get(share.path()).body);
    ASSERT_EQ(303, phone.post(share.path() + "/code/send", {{"csrf", phone_csrf}}).status);
    const std::string phone_code = last_code(share);
    ASSERT_EQ(303, laptop.post(share.path() + "/code/send", {{"csrf", laptop_csrf}}).status);
    const std::string laptop_code = last_code(share);
    if (laptop_code != phone_code) {
        EXPECT_EQ(403,
                  laptop.post(share.path() + "/code", {{"csrf", laptop_csrf}, {"code", phone_code}})
                      .status)
            << "a code works only in the browser it was sent for";
    }
    EXPECT_EQ(
        303,
        phone.post(share.path() + "/code", {{"csrf", phone_csrf}, {"code", phone_code}}).status);
    EXPECT_EQ(
        303,
        laptop.post(share.path() + "/code", {{"csrf", laptop_csrf}, {"code", laptop_code}}).status);
}

}  // namespace
}  // namespace es::portal::test
