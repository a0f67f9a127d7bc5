// Every link that leads nowhere answers the same, byte for byte (apart from Date).
#include "crypto/token.hpp"
#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

class DeadLinkTest : public PortalTest {};

TEST_F(DeadLinkTest, UnknownMalformedExpiredRevokedAndUnlicensedLinksAnswerIdentically) {
    const auto [expired, revoked, unlicensed] = create_dead_shares();

    const auto reference = http_request(port(), "GET", "/s/" + crypto::new_token());
    ASSERT_EQ(404, reference.status);
    EXPECT_TRUE(reference.all("Set-Cookie").empty());
    for (const std::string& path :
         {std::string("/s/not-a-token"), std::string("/s/") + std::string(43, '!'), expired.path(),
          revoked.path(), unlicensed.path(), expired.path() + "/files/a1",
          revoked.path() + "/all.zip", unlicensed.path() + "/files/a1", std::string("/nothing"),
          std::string("/s/")}) {
        const auto r = http_request(port(), "GET", path);
        EXPECT_EQ(reference.status, r.status) << path;
        EXPECT_EQ(reference.comparable_headers(), r.comparable_headers()) << path;
        EXPECT_EQ(reference.body, r.body) << path;
    }
}

TEST_F(DeadLinkTest, LiveLinkAnswersDifferently) {
    const auto live = create_share();
    EXPECT_EQ(200, http_request(port(), "GET", live.path()).status);
}

TEST_F(DeadLinkTest, PostToDeadLinkAnswersLikeGet) {
    const auto revoked =
        create_share({.protection = domain::Protection::Password, .password = "correct horse"});
    revoke(revoked);
    const auto get = http_request(port(), "GET", "/s/" + crypto::new_token());
    const auto post =
        http_request(port(), "POST", revoked.path() + "/password",
                     {{"Content-Type", "application/x-www-form-urlencoded"}}, "password=x");
    EXPECT_EQ(get.status, post.status);
    EXPECT_EQ(get.body, post.body);
}

TEST_F(DeadLinkTest, LicenceEndingClosesAnOpenLink) {
    const auto share = create_share();
    EXPECT_EQ(200, http_request(port(), "GET", share.path()).status);
    licence_.deactivate("org-1");
    EXPECT_EQ(404, http_request(port(), "GET", share.path()).status);
}

}  // namespace
}  // namespace es::portal::test
