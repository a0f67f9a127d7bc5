// Keep-alive limits as configured: a connection serves at most portal.max_keep_alive_requests
// requests, says so on the last answer and closes; an idle one is closed after
// portal.keep_alive_timeout_seconds. The portal waits for the next request itself (not through
// Poco's session), so these limits are its own code.
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <string>

#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

using Clock = std::chrono::steady_clock;

class KeepAliveTest : public PortalTest {
  protected:
    void configure(config::Settings& s) override {
        s.portal.max_keep_alive_requests = 3;
        s.portal.keep_alive_timeout_seconds = 1;
    }
    Poco::Net::StreamSocket connect() {
        Poco::Net::StreamSocket s(Poco::Net::SocketAddress("127.0.0.1", port()));
        s.setReceiveTimeout(Poco::Timespan(10, 0));
        return s;
    }
    // Sends one page request and reads its whole answer ("" when the server closed instead).
    static std::string ask(Poco::Net::StreamSocket& s, const std::string& path) {
        const std::string request = "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
        s.sendBytes(request.data(), static_cast<int>(request.size()));
        std::string got;
        char buf[16 * 1024];
        while (got.find("</html>") == std::string::npos) {
            const int n = s.receiveBytes(buf, sizeof buf);
            if (n <= 0) {
                return got;
            }
            got.append(buf, static_cast<std::size_t>(n));
        }
        return got;
    }
    static bool closed_by_server(Poco::Net::StreamSocket& s) {
        char c;
        try {
            return s.receiveBytes(&c, 1) == 0;
        } catch (const Poco::Exception&) {
            return true;  // reset counts as closed
        }
    }
};

TEST_F(KeepAliveTest, ConnectionEndsAfterTheConfiguredNumberOfRequests) {
    const auto share = create_share();
    auto s = connect();
    for (int i = 1; i <= 3; ++i) {
        const std::string answer = ask(s, share.path());
        ASSERT_EQ(0u, answer.rfind("HTTP/1.1 200", 0)) << "request " << i;
        std::string head = answer.substr(0, answer.find("\r\n\r\n"));
        std::transform(head.begin(), head.end(), head.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const bool closing = head.find("\r\nconnection: close") != std::string::npos;
        EXPECT_EQ(i == 3, closing) << "request " << i << ":\n" << head;
    }
    EXPECT_TRUE(closed_by_server(s));
}

TEST_F(KeepAliveTest, IdleConnectionIsClosedAfterTheKeepAliveTimeout) {
    const auto share = create_share();
    auto s = connect();
    ASSERT_EQ(0u, ask(s, share.path()).rfind("HTTP/1.1 200", 0));
    const auto start = Clock::now();
    EXPECT_TRUE(closed_by_server(s));
    const double waited = std::chrono::duration<double>(Clock::now() - start).count();
    EXPECT_GT(waited, 0.7);
    EXPECT_LT(waited, 5.0);
}

}  // namespace
}  // namespace es::portal::test
