// The portal behind a TLS-terminating proxy that speaks plain HTTP to it: recipients' browsers
// are on https (portal.public_url says so), so the portal sets its cookies Secure with the
// __Host- prefix and sends HSTS although its own listener is plain, on pages, sessions and the
// front door's own refusals alike. Without https in public_url (SecurityHeadersTest) neither is
// sent.
#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

class TlsProxyTest : public PortalTest {
  protected:
    void configure(config::Settings& s) override {
        s.portal.public_url = "https://portal.example.org";
        s.portal.trusted_proxies = {"127.0.0.1"};
    }
};

void expect_secure_host_cookies(const std::vector<std::string>& cookies, const std::string& what) {
    ASSERT_FALSE(cookies.empty()) << what;
    for (const auto& c : cookies) {
        EXPECT_EQ(0u, c.rfind("__Host-", 0)) << what << ": " << c;
        EXPECT_NE(std::string::npos, c.find("; Secure")) << what << ": " << c;
        EXPECT_NE(std::string::npos, c.find("Path=/")) << what << ": " << c;
    }
}

TEST_F(TlsProxyTest, PagesAndSessionsThroughThePlainHopCarryHstsAndSecureHostCookies) {
    ShareSpec spec;
    spec.protection = domain::Protection::Password;
    spec.password = "correct horse battery";
    const auto share = create_share(spec);
    Browser b(port());
    b.ip = "203.0.113.7";  // the client the proxy names

    const auto page = b.get(share.path());
    ASSERT_EQ(200, page.status);
    EXPECT_EQ(0u, page.header("Strict-Transport-Security").rfind("max-age=", 0));
    expect_secure_host_cookies(page.all("Set-Cookie"), "form page");

    const auto signed_in =
        b.post(share.path() + "/password",
               {{"csrf", Browser::csrf_of(page.body)}, {"password", "correct horse battery"}});
    ASSERT_EQ(303, signed_in.status) << signed_in.body;
    expect_secure_host_cookies(signed_in.all("Set-Cookie"), "sign-in");

    const auto view = b.get(share.path());
    EXPECT_EQ(200, view.status);
    EXPECT_NE(std::string::npos, view.body.find("hello.txt"));
    EXPECT_FALSE(view.header("Strict-Transport-Security").empty());
}

TEST_F(TlsProxyTest, TheFrontDoorsOwnRefusalsCarryHstsToo) {
    const std::string raw = raw_exchange(port(), "GARBAGE\r\n\r\n");
    EXPECT_NE(std::string::npos, raw.find(" 400 ")) << raw;
    EXPECT_NE(std::string::npos, raw.find("Strict-Transport-Security: max-age=")) << raw;
}

}  // namespace
}  // namespace es::portal::test
