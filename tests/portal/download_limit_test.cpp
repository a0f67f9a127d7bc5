// The download limit counts what was delivered: every byte of a file is paid for from a counted
// download, whatever the shape of the ranges (several, overlapping, suffix, with or without
// If-Range), so five "Range: bytes=0-(size-2)" requests cannot take the file but its last byte five
// times for nothing; resuming a counted download is free.
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <chrono>
#include <regex>
#include <stdexcept>
#include <thread>

#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

// The file bytes a response carried: the body of a 200 or single-range 206, the parts' ranges
// of a multipart one; 0 for anything else.
std::uint64_t file_bytes_in(const HttpResponse& r) {
    if (r.status == 200) {
        return r.body.size();
    }
    if (r.status != 206) {
        return 0;
    }
    if (r.header("Content-Type").rfind("multipart/byteranges", 0) != 0) {
        return r.body.size();
    }
    std::uint64_t total = 0;
    static const std::regex part("Content-Range: bytes (\\d+)-(\\d+)/");
    for (auto it = std::sregex_iterator(r.body.begin(), r.body.end(), part);
         it != std::sregex_iterator(); ++it) {
        total += std::stoull((*it)[2]) - std::stoull((*it)[1]) + 1;
    }
    return total;
}

class DownloadLimitTest : public PortalTest {
  protected:
    HttpResponse get(const CreatedShare& share, const Headers& h = {}) {
        return http_request(port(), "GET", share.path() + "/files/a3", h);
    }
    std::int64_t used(const CreatedShare& share) {
        return store_->shares().find("org-1", share.id)->downloads_used;
    }
    std::string size_minus(std::uint64_t n) const { return std::to_string(a3_content_.size() - n); }
};

TEST_F(DownloadLimitTest, RangesShortOfTheLastByteAreCountedLikeWholeDownloads) {
    const auto share = create_share({.download_limit = 2});
    // HEAD and an unsatisfiable range deliver nothing and cost nothing.
    EXPECT_EQ(200, http_request(port(), "HEAD", share.path() + "/files/a3").status);
    EXPECT_EQ(416,
              get(share, {{"Range", "bytes=" + std::to_string(a3_content_.size()) + "-"}}).status);
    EXPECT_EQ(0, used(share));
    const Headers almost_all = {{"Range", "bytes=0-" + size_minus(2)}};
    for (int i = 0; i < 2; ++i) {
        const auto r = get(share, almost_all);
        ASSERT_EQ(206, r.status) << i;
        EXPECT_EQ(a3_content_.substr(0, a3_content_.size() - 1), r.body);
    }
    EXPECT_EQ(2, used(share));
    EXPECT_EQ(403, get(share, almost_all).status) << "a third copy would be beyond the limit";
    EXPECT_EQ(403, get(share).status);
}

TEST_F(DownloadLimitTest, NoShapeOfRangesDeliversMoreThanOneFilePerCountedDownload) {
    const auto share = create_share({.download_limit = 1});
    const auto etag = http_request(port(), "HEAD", share.path() + "/files/a3").header("ETag");
    // Shapes short of the last byte first (they used to count nothing), then ones that reach it.
    const std::vector<Headers> tricks = {
        {{"Range", "bytes=0-99999,200000-299999"}},
        {{"Range", "bytes=0-150000,100000-250000,50000-60000"}},
        {{"Range", "bytes=0-0,2-2,4-4"}},
        {{"Range", "bytes=0-" + size_minus(2)}, {"If-Range", etag}},
        {{"Range", "bytes=0-" + size_minus(2)}, {"If-Range", "Fri, 02 Jan 2026 03:04:05 GMT"}},
        {{"Range", "bytes=-300000"}},
        {{"Range", "bytes=0-10"}, {"If-Range", "\"stale\""}},  // the whole file
    };
    std::uint64_t delivered = 0;
    bool refused = false;
    for (int round = 0; round < 3 && !refused; ++round) {
        for (const auto& h : tricks) {
            const auto r = get(share, h);
            if (r.status == 403) {
                refused = true;
                break;
            }
            ASSERT_TRUE(r.status == 200 || r.status == 206) << r.status;
            delivered += file_bytes_in(r);
        }
    }
    EXPECT_TRUE(refused) << "the limit was never reached";
    EXPECT_LE(delivered, a3_content_.size());
    EXPECT_EQ(1, used(share));
}

TEST_F(DownloadLimitTest, AResumeIsPaidFromTheCreditEachFileHasItsOwnAndTheLimitCoversAll) {
    const auto share = create_share({.download_limit = 2});
    const auto first = get(share, {{"Range", "bytes=0-399999"}});
    ASSERT_EQ(206, first.status);
    EXPECT_EQ(a1_content_, http_request(port(), "GET", share.path() + "/files/a1").body);
    EXPECT_EQ(2, used(share)) << "a3's first part and a1";
    const auto rest = get(share, {{"Range", "bytes=400000-"}});
    ASSERT_EQ(206, rest.status) << "a3 resumes from its credit";
    EXPECT_EQ(a3_content_, first.body + rest.body);
    EXPECT_EQ(2, used(share));
    EXPECT_EQ(403, get(share, {{"Range", "bytes=0-0"}}).status) << "a3's worth is spent";
    EXPECT_EQ(403, http_request(port(), "GET", share.path() + "/files/a1").status);
    EXPECT_EQ(403, http_request(port(), "GET", share.path() + "/all.zip").status);
}

// What this side's TCP has received on a connection (Linux TCP_INFO tcpi_bytes_received, which
// glibc's struct tcp_info lacks; see portal/http/delivery_meter.cpp).
std::uint64_t bytes_received(const Poco::Net::StreamSocket& s) {
    struct {
        tcp_info base;
        std::uint64_t pacing_rate, max_pacing_rate, bytes_acked, bytes_received;
    } info{};
    socklen_t length = sizeof info;
    if (::getsockopt(s.impl()->sockfd(), IPPROTO_TCP, TCP_INFO, &info, &length) != 0 ||
        length < sizeof info) {
        throw std::runtime_error("TCP_INFO without tcpi_bytes_received");
    }
    return info.bytes_received;
}

// A transfer that breaks off is paid only for what the client's TCP acknowledged, so the client
// can resume exactly where its data ends even at a limit of one; a second copy is still refused.
TEST_F(DownloadLimitTest, AnAbortedDownloadPaysForWhatArrivedAndResumesFromThere) {
    const std::uint64_t big_size = put_big_case();
    const auto share = create_share({.download_limit = 1});
    std::uint64_t arrived = 0;  // head and body bytes this client's TCP received and acknowledged
    std::size_t head_length = 0;
    {
        // A small receive buffer from the start (before connecting, so it is not tuned up).
        Poco::Net::StreamSocket s(Poco::Net::SocketAddress::IPv4);
        s.setReceiveBufferSize(64 * 1024);
        s.connect(Poco::Net::SocketAddress("127.0.0.1", port()));
        const std::string req = "GET " + share.path() + "/files/big HTTP/1.1\r\nHost: x\r\n\r\n";
        s.sendBytes(req.data(), static_cast<int>(req.size()));
        std::string received;
        std::vector<char> buf(1 << 16);
        while (received.size() < (1u << 20)) {
            const int n = s.receiveBytes(buf.data(), static_cast<int>(buf.size()));
            ASSERT_GT(n, 0);
            received.append(buf.data(), static_cast<std::size_t>(n));
        }
        head_length = received.find("\r\n\r\n") + 4;
        // Stop reading until the window is shut and everything received is acknowledged, then
        // reset the connection: the portal's next write fails.
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        arrived = bytes_received(s);
        s.setLinger(true, 0);
        s.close();
    }
    ASSERT_LT(arrived - head_length, big_size);
    // The portal notices on its next write; wait until it recorded the aborted transfer.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    auto aborted = [&] {
        for (const auto& e : access_events(share)) {
            if (e.outcome == "aborted") {
                return true;
            }
        }
        return false;
    };
    while (!aborted() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_TRUE(aborted()) << "the cut transfer was not recorded as aborted";
    EXPECT_EQ(1, used(share));
    const std::uint64_t got = arrived - head_length;
    const auto rest = http_request(port(), "GET", share.path() + "/files/big",
                                   {{"Range", "bytes=" + std::to_string(got) + "-"}});
    ASSERT_EQ(206, rest.status) << "the resume was refused: more was counted than arrived";
    EXPECT_EQ(big_size - got, rest.body.size());
    EXPECT_EQ(1, used(share));
    EXPECT_EQ(403, http_request(port(), "GET", share.path() + "/files/big").status)
        << "a second copy is a second download";
    EXPECT_EQ(403, http_request(port(), "GET", share.path() + "/files/big",
                                {{"Range", "bytes=" + std::to_string(got - 1) + "-"}})
                       .status)
        << "not one byte more than arrived was paid back";
}

}  // namespace
}  // namespace es::portal::test
