// The print view (/s/{token}/print): the visible details and journal without any form, behind the
// same checks as the link's page, logged as "print".
#include <thread>

#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

class PrintViewTest : public PortalTest {};

TEST_F(PrintViewTest, ShowsTheVisibleDetailsAndJournalWithoutForms) {
    const auto share = create_share();
    const auto r = http_request(port(), "GET", share.path() + "/print");
    ASSERT_EQ(200, r.status);
    EXPECT_NE(std::string::npos, r.body.find("zweite Zeile")) << "the journal";
    EXPECT_NE(std::string::npos, r.body.find("hello.txt")) << "the files, by name";
    EXPECT_EQ(std::string::npos, r.body.find("<form")) << "no language switch, no buttons";
    EXPECT_EQ(std::string::npos, r.body.find("<script")) << "nothing to run";
    for (const char* hidden : {"TOPSECRET", "secret-plan", "later.txt", "Hidden field"}) {
        EXPECT_EQ(std::string::npos, r.body.find(hidden)) << hidden;
    }
    bool logged = false;
    for (const auto& e : access_events(share)) {
        logged |= e.action == "print" && e.outcome == "ok";
    }
    EXPECT_TRUE(logged);
}

TEST_F(PrintViewTest, TheLinksPageLinksToIt) {
    const auto share = create_share();
    const auto page = http_request(port(), "GET", share.path()).body;
    EXPECT_NE(std::string::npos, page.find("href=\"" + share.path() + "/print\""));
}

TEST_F(PrintViewTest, WithoutASessionTheVisitorIsSentToTheLinkPage) {
    const auto share =
        create_share({.protection = domain::Protection::Password, .password = "correct horse"});
    const auto r = http_request(port(), "GET", share.path() + "/print");
    EXPECT_EQ(303, r.status);
    EXPECT_EQ(share.path(), r.header("Location"));
    EXPECT_EQ(std::string::npos, r.body.find("zweite Zeile"));
}

TEST_F(PrintViewTest, DeadLinksAnswerAsEverywhereElse) {
    const auto expired = create_share({.lifetime = std::chrono::milliseconds(1)});
    const auto revoked = create_share();
    revoke(revoked);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const auto reference = http_request(port(), "GET", "/s/unknown");
    for (const auto* share : {&expired, &revoked}) {
        const auto r = http_request(port(), "GET", share->path() + "/print");
        EXPECT_EQ(404, r.status);
        EXPECT_EQ(reference.comparable_headers(), r.comparable_headers());
        EXPECT_EQ(reference.body, r.body);
    }
}

}  // namespace
}  // namespace es::portal::test
