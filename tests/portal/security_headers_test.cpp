#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

class SecurityHeadersTest : public PortalTest {};

void expect_security_headers(const HttpResponse& r, const std::string& what) {
    EXPECT_EQ(
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'",
        r.header("Content-Security-Policy"))
        << what;
    EXPECT_EQ("no-referrer", r.header("Referrer-Policy")) << what;
    EXPECT_EQ("no-store", r.header("Cache-Control")) << what;
    EXPECT_EQ("nosniff", r.header("X-Content-Type-Options")) << what;
    EXPECT_FALSE(r.has("Strict-Transport-Security")) << what << " (plain HTTP)";
    EXPECT_FALSE(r.has("Server")) << what;
}

TEST_F(SecurityHeadersTest, EveryKindOfResponseCarriesThem) {
    const auto share = create_share();
    expect_security_headers(http_request(port(), "GET", share.path()), "page");
    expect_security_headers(http_request(port(), "GET", "/assets/portal.css"), "css");
    expect_security_headers(http_request(port(), "GET", "/s/unknown"), "404");
    expect_security_headers(http_request(port(), "GET", share.path() + "/files/a1"), "download");
    expect_security_headers(http_request(port(), "HEAD", share.path() + "/all.zip"), "zip");
    expect_security_headers(
        http_request(port(), "GET", share.path() + "/files/a1", {{"Range", "bytes=999-"}}), "416");
    expect_security_headers(
        http_request(port(), "POST", share.path() + "/language",
                     {{"Content-Type", "application/x-www-form-urlencoded"}}, "lang=en"),
        "403 csrf");
}

TEST_F(SecurityHeadersTest, MalformedRequestGetsThemToo) {
    const std::string raw = raw_exchange(port(), "GARBAGE\r\n\r\n");
    EXPECT_NE(std::string::npos, raw.find(" 400 ")) << raw;
    EXPECT_NE(std::string::npos, raw.find("Content-Security-Policy: default-src 'none'")) << raw;
}

TEST_F(SecurityHeadersTest, PagesHaveNoScriptAndNoExternalResource) {
    const auto share = create_share();
    const auto page = http_request(port(), "GET", share.path());
    EXPECT_EQ(std::string::npos, page.body.find("<script"));
    EXPECT_EQ(std::string::npos, page.body.find("style="));
    EXPECT_EQ(std::string::npos, page.body.find("http://"));
    EXPECT_EQ(std::string::npos, page.body.find("https://"));
}

TEST_F(SecurityHeadersTest, HostDataIsEscaped) {
    const auto share = create_share();
    const auto page = http_request(port(), "GET", share.path());
    EXPECT_NE(std::string::npos, page.body.find("Erika &lt;b&gt;Muster&lt;/b&gt;"));
    EXPECT_EQ(std::string::npos, page.body.find("<b>Muster"));
}

TEST_F(SecurityHeadersTest, NoTokenReachesTheHostLog) {
    const auto share = create_share();
    http_request(port(), "GET", share.path() + "/files/a1", {{"Range", "bytes=0-0"}});
    http_request(port(), "GET", share.path() + "/%ZZ");
    for (const auto& line : host_.log_lines()) {
        EXPECT_EQ(std::string::npos, line.find(share.token)) << line;
    }
}

}  // namespace
}  // namespace es::portal::test
