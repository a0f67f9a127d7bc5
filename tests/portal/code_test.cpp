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

TEST_F(CodeTest, CodeSendsAreBudgeted) {
    const auto share = code_share();
    Browser b(port());
    const std::string csrf = Browser::csrf_of(b.get(share.path()).body);
    int refused = 0;
    for (int i = 0; i < settings_.policy.defaults.code_sends_per_hour + 2; ++i) {
        refused += b.post(share.path() + "/code/send", {{"csrf", csrf}}).status == 429;
    }
    EXPECT_EQ(2, refused);
    EXPECT_EQ(static_cast<std::size_t>(settings_.policy.defaults.code_sends_per_hour),
              store_->outbox().for_share(share.id).size());
}

}  // namespace
}  // namespace es::portal::test
