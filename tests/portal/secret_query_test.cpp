// Secrets travel in form bodies only: a password, code or token in any portal URL's
// query is refused with 400, the same for live and dead links, and never read.
#include "portal/http/secret_query.hpp"
#include "crypto/token.hpp"
#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

using http::query_names_a_secret;

TEST(SecretQuery, SecretLookingNamesAreFoundHoweverTheyAreSpelt) {
    for (const char* uri :
         {"/s/t/password?password=x", "/s/t?code=123456", "/s/t?token=abc", "/s/t?csrf=1",
          "/s/t?PassWord=x", "/s/t?pass%77ord=x", "/s/t?new-password=x", "/s/t?a=1&otp=2",
          "/s/t?a=1;pin=2", "/s/t?access_code", "/s/t?session_id=1", "/s/t?api_key=1", "/s/t?key=1",
          "/s/t?pwd=1", "/s/t?Passwort=x", "/s/t?secret=1", "/preview?auth=1",
          "/assets/portal.css?es_session=1", "/s/t/files/a1?x=1&Code=1#frag"}) {
        EXPECT_TRUE(query_names_a_secret(uri)) << uri;
    }
}

TEST(SecretQuery, OrdinaryQueriesPass) {
    for (const char* uri : {"/s/t", "/s/t?sent", "/s/t?utm_source=mail&utm_medium=email", "/s/t?",
                            "/s/t?lang=de", "/s/t#password", "/s/t?monkey=1", "/s/t?x=password"}) {
        EXPECT_FALSE(query_names_a_secret(uri)) << uri;
    }
}

class SecretQueryTest : public PortalTest {};

TEST_F(SecretQueryTest, PasswordInTheQueryIsRefusedAndOpensNothing) {
    const auto share =
        create_share({.protection = domain::Protection::Password, .password = "correct horse"});
    Browser b(port());
    const auto page = b.get(share.path());
    ASSERT_EQ(200, page.status);
    const auto r = b.post(share.path() + "/password?password=correct%20horse",
                          {{"csrf", Browser::csrf_of(page.body)}});
    EXPECT_EQ(400, r.status);
    EXPECT_TRUE(r.all("Set-Cookie").empty());
    EXPECT_EQ("nosniff", r.header("X-Content-Type-Options"));
    EXPECT_EQ(std::string::npos, r.body.find("correct horse"));
    EXPECT_EQ(303, b.get(share.path() + "/files/a1").status) << "no session came of it";
    // The form itself still works, with the secret in the body.
    EXPECT_EQ(303, b.post(share.path() + "/password",
                          {{"csrf", Browser::csrf_of(page.body)}, {"password", "correct horse"}})
                       .status);
}

TEST_F(SecretQueryTest, EverySecretBearingQueryOnEveryRouteIs400) {
    const auto share = create_share();
    for (const std::string& path :
         {share.path() + "?code=123456", share.path() + "/files/a1?token=x",
          share.path() + "/all.zip?Passwort=x", std::string("/assets/portal.css?csrf=x"),
          std::string("/preview?session=x"), std::string("/p/ticket?key=x")}) {
        const auto r = http_request(port(), "GET", path);
        EXPECT_EQ(400, r.status) << path;
    }
    EXPECT_EQ(200, http_request(port(), "GET", share.path() + "?sent").status);
    EXPECT_EQ(200, http_request(port(), "GET", share.path() + "?utm_source=mail").status);
}

TEST_F(SecretQueryTest, LiveAndDeadLinksAnswerASecretQueryAlike) {
    const auto live = create_share();
    const auto revoked = create_share();
    revoke(revoked);
    const auto reference = http_request(port(), "GET", live.path() + "?password=x");
    ASSERT_EQ(400, reference.status);
    for (const std::string& path :
         {revoked.path() + "?password=x", "/s/" + crypto::new_token() + "?password=x",
          std::string("/nothing?password=x")}) {
        const auto r = http_request(port(), "GET", path);
        EXPECT_EQ(reference.status, r.status) << path;
        EXPECT_EQ(reference.comparable_headers(), r.comparable_headers()) << path;
        EXPECT_EQ(reference.body, r.body) << path;
    }
}

}  // namespace
}  // namespace es::portal::test
