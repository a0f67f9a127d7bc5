// Sign-in, sessions, throttling and CSRF.
#include <gtest/gtest.h>

#include "test_host.hpp"

namespace host::test {
namespace {

class AuthApi : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { host_ = new TestHost(TestHost::Options{true, 20, {}, true}); }
    static void TearDownTestSuite() {
        delete host_;
        host_ = nullptr;
    }
    static TestHost* host_;
};
TestHost* AuthApi::host_ = nullptr;

TEST_F(AuthApi, SignInSetsHttpOnlyStrictSessionCookie) {
    auto c = host_->client();
    auto r = c.login("anna.meier", "demo-anna");
    ASSERT_EQ(r.status, 200) << r.body;
    std::string cookie = r.header("Set-Cookie");
    EXPECT_NE(cookie.find("dm_session="), std::string::npos);
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
    auto me = c.get("/api/me");
    ASSERT_EQ(me.status, 200);
    EXPECT_EQ(me.json()->getObject("organisation")->getValue<std::string>("name"),
              "Stadt Musterhausen");
    EXPECT_EQ(me.json()->getObject("user")->getValue<std::string>("role"), "caseworker");
}

TEST_F(AuthApi, UnknownUserAndWrongPasswordGetTheSameAnswer) {
    auto c = host_->client();
    auto unknown = c.login("nobody.here", "whatever");
    auto wrong = c.login("beat.keller", "not-his-password");
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(unknown.body, wrong.body);
    EXPECT_EQ(unknown.json()->getObject("error")->getValue<std::string>("code"),
              "invalid_credentials");
}

TEST_F(AuthApi, RepeatedFailuresAreThrottledEvenWithTheRightPassword) {
    auto c = host_->client();
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(c.login("claudia.frei", "wrong-" + std::to_string(i)).status, 401);
    }
    auto r = c.login("claudia.frei", "demo-claudia");
    EXPECT_EQ(r.status, 429) << r.body;
    EXPECT_EQ(r.json()->getObject("error")->getValue<std::string>("code"), "too_many_attempts");
    // Another login from the same address is not locked out by claudia's failures.
    EXPECT_EQ(c.login("felix.huber", "demo-felix").status, 200);
}

TEST_F(AuthApi, ApiNeedsASession) {
    auto r = host_->client().get("/api/cases");
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(r.json()->getObject("error")->getValue<std::string>("code"), "unauthenticated");
}

TEST_F(AuthApi, StateChangeWithoutCsrfTokenIsRefused) {
    auto c = host_->client();
    ASSERT_EQ(c.login("anna.meier", "demo-anna").status, 200);
    c.forget_csrf();
    auto r = c.put("/api/me/locale", "{\"locale\":\"en\"}");
    EXPECT_EQ(r.status, 403);
    EXPECT_EQ(r.json()->getObject("error")->getValue<std::string>("code"), "csrf_failed");
    EXPECT_EQ(c.get("/api/me").json()->getValue<std::string>("locale"), "de");
}

TEST_F(AuthApi, LocaleIsStoredPerUser) {
    auto c = host_->client();
    ASSERT_EQ(c.login("eva.schmid", "demo-eva").status, 200);
    EXPECT_EQ(c.put("/api/me/locale", "{\"locale\":\"en\"}").status, 200);
    EXPECT_EQ(c.get("/api/me").json()->getValue<std::string>("locale"), "en");
    auto bad = c.put("/api/me/locale", "{\"locale\":\"fr\"}");
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(bad.json()->getObject("error")->getValue<std::string>("field"), "locale");
}

TEST_F(AuthApi, LogoutEndsTheSession) {
    auto c = host_->client();
    ASSERT_EQ(c.login("anna.meier", "demo-anna").status, 200);
    EXPECT_EQ(c.post("/api/logout", "").status, 204);
    EXPECT_EQ(c.get("/api/me").status, 401);
}

TEST_F(AuthApi, LoginRequiresJsonBody) {
    auto r = host_->client().post("/api/login", "login=anna.meier&password=demo-anna",
                                  "application/x-www-form-urlencoded");
    EXPECT_EQ(r.status, 415);
}

TEST_F(AuthApi, InactiveUserCannotSignIn) {
    EXPECT_EQ(host_->client().login("daniel.roth", "demo-daniel").status, 401);
}

}  // namespace
}  // namespace host::test
