// The portal over TLS (portal.tls with a certificate and key, Poco NetSSL): pages arrive over TLS
// with HSTS, cookies are Secure and __Host- prefixed, keep-alive works through the TLS layer, and a
// plain-HTTP client on the TLS port gets no page. The certificate is self-signed, made with the
// openssl command for each run.
#include <Poco/Net/Context.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <cstdlib>
#include <string>

#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

class TlsTest : public PortalTest {
  protected:
    void configure(config::Settings& s) override {
        const std::string key = dir_ + "/key.pem";
        const std::string cert = dir_ + "/cert.pem";
        const std::string command =
            "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 "
            "-subj /CN=127.0.0.1 -keyout " +
            key + " -out " + cert + " >/dev/null 2>&1";
        ASSERT_EQ(0, std::system(command.c_str())) << "openssl could not make a certificate";
        s.portal.tls.certificate_file = cert;
        s.portal.tls.private_key_file = key;
        s.portal.public_url = "https://127.0.0.1";
    }

    Poco::Net::SecureStreamSocket connect() {
        // The test trusts its own self-signed certificate; what is checked is the portal's side.
        Poco::Net::Context::Ptr client = new Poco::Net::Context(
            Poco::Net::Context::TLS_CLIENT_USE, "", "", "", Poco::Net::Context::VERIFY_NONE);
        Poco::Net::SecureStreamSocket s(Poco::Net::SocketAddress("127.0.0.1", port()), client);
        s.setReceiveTimeout(Poco::Timespan(10, 0));
        return s;
    }

    // One request on an open TLS connection; the whole answer (head and Content-Length body).
    static HttpResponse send(Poco::Net::SecureStreamSocket& s, const std::string& request) {
        s.sendBytes(request.data(), static_cast<int>(request.size()));
        std::string raw;
        char buf[16 * 1024];
        for (;;) {
            const auto end = raw.find("\r\n\r\n");
            if (end != std::string::npos) {
                const HttpResponse head = parse_head(raw.substr(0, end + 4));
                const std::size_t length = std::stoul(head.header("Content-Length"));
                if (raw.size() >= end + 4 + length) {
                    HttpResponse r = head;
                    r.body = raw.substr(end + 4, length);
                    return r;
                }
            }
            const int n = s.receiveBytes(buf, sizeof buf);
            if (n <= 0) {
                throw std::runtime_error("connection closed mid-answer");
            }
            raw.append(buf, static_cast<std::size_t>(n));
        }
    }

    static HttpResponse get(Poco::Net::SecureStreamSocket& s, const std::string& path,
                            const std::string& cookie = "") {
        return send(s, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                           (cookie.empty() ? "" : "Cookie: " + cookie + "\r\n") + "\r\n");
    }

    static HttpResponse post(Poco::Net::SecureStreamSocket& s, const std::string& path,
                             const std::string& cookie, const std::string& form) {
        return send(s, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookie +
                           "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                           "Content-Length: " +
                           std::to_string(form.size()) + "\r\n\r\n" + form);
    }

    // "name=value" of a Set-Cookie header.
    static std::string pair_of(const std::string& set_cookie) {
        return set_cookie.substr(0, set_cookie.find(';'));
    }

    static HttpResponse parse_head(const std::string& head) {
        HttpResponse r;
        r.status = std::stoi(head.substr(9, 3));
        std::size_t pos = head.find("\r\n") + 2;
        while (pos < head.size()) {
            const auto next = head.find("\r\n", pos);
            const std::string line = head.substr(pos, next - pos);
            if (const auto colon = line.find(':'); colon != std::string::npos) {
                r.headers.emplace_back(line.substr(0, colon), line.substr(colon + 2));
            }
            pos = next + 2;
        }
        return r;
    }
};

TEST_F(TlsTest, PageOverTlsCarriesHstsAndSecureHostCookies) {
    ShareSpec spec;
    spec.protection = domain::Protection::Password;
    spec.password = "correct horse battery";
    const auto share = create_share(spec);
    auto s = connect();
    const HttpResponse page = get(s, share.path());
    EXPECT_EQ(200, page.status);
    EXPECT_NE(std::string::npos, page.body.find("type=\"password\""));
    const std::string hsts = page.header("Strict-Transport-Security");
    EXPECT_EQ(0u, hsts.rfind("max-age=", 0)) << hsts;
    const auto cookies = page.all("Set-Cookie");
    ASSERT_FALSE(cookies.empty());
    for (const auto& c : cookies) {
        EXPECT_EQ(0u, c.rfind("__Host-", 0)) << c;
        EXPECT_NE(std::string::npos, c.find("; Secure")) << c;
        EXPECT_NE(std::string::npos, c.find("Path=/")) << c;
    }

    // Signing in over the same connection gives a session cookie with the same attributes.
    const std::string pre = pair_of(cookies.front());
    const HttpResponse signed_in = post(s, share.path() + "/password", pre,
                                        form_encode({{"csrf", Browser::csrf_of(page.body)},
                                                     {"password", "correct horse battery"}}));
    ASSERT_EQ(303, signed_in.status) << signed_in.body;
    const auto session_cookies = signed_in.all("Set-Cookie");
    ASSERT_FALSE(session_cookies.empty());
    std::string cookie_header = pre;
    for (const auto& c : session_cookies) {
        EXPECT_EQ(0u, c.rfind("__Host-", 0)) << c;
        EXPECT_NE(std::string::npos, c.find("; Secure")) << c;
        EXPECT_NE(std::string::npos, c.find("HttpOnly")) << c;
        EXPECT_NE(std::string::npos, c.find("SameSite=Strict")) << c;
        cookie_header += "; " + pair_of(c);
    }
    const HttpResponse view = get(s, share.path(), cookie_header);
    EXPECT_EQ(200, view.status);
    EXPECT_NE(std::string::npos, view.body.find("hello.txt"));
}

TEST_F(TlsTest, KeepAliveConnectionServesSeveralRequestsThroughTls) {
    const auto share = create_share();
    auto s = connect();
    for (int i = 0; i < 3; ++i) {
        const HttpResponse page = get(s, share.path());
        ASSERT_EQ(200, page.status) << "request " << i;
        EXPECT_NE(std::string::npos, page.body.find("hello.txt")) << "request " << i;
    }
}

TEST_F(TlsTest, PlainHttpOnTheTlsPortGetsNoPage) {
    const auto share = create_share();
    std::string answer;
    try {
        answer = raw_exchange(port(), "GET " + share.path() + " HTTP/1.1\r\nHost: x\r\n\r\n");
    } catch (const std::exception&) {
        answer.clear();  // the handshake failing and the connection dropping is the expected end
    }
    EXPECT_EQ(std::string::npos, answer.find("HTTP/1.1 200"));
    EXPECT_EQ(std::string::npos, answer.find("hello.txt"));
}

}  // namespace
}  // namespace es::portal::test
