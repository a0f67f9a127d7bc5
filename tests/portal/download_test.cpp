// Single downloads: Range, validators, hostile names, hidden items, the download limit.
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "portal/http/content_disposition.hpp"
#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

class DownloadTest : public PortalTest {
  protected:
    HttpResponse get_a3(const Headers& h = {}) {
        return http_request(port(), "GET", share_.path() + "/files/a3", h);
    }
    void SetUp() override {
        PortalTest::SetUp();
        share_ = create_share();
    }
    CreatedShare share_;
};

TEST_F(DownloadTest, FullDownloadHasLengthValidatorsAndAttachmentDisposition) {
    const auto r = get_a3();
    ASSERT_EQ(200, r.status);
    EXPECT_EQ(a3_content_, r.body);
    EXPECT_EQ(std::to_string(a3_content_.size()), r.header("Content-Length"));
    EXPECT_EQ("bytes", r.header("Accept-Ranges"));
    EXPECT_EQ("\"" + std::string(64, 'a') + "\"", r.header("ETag"));
    EXPECT_EQ("Fri, 02 Jan 2026 03:04:05 GMT", r.header("Last-Modified"));
    EXPECT_EQ("attachment; filename=\"data.bin\"; filename*=UTF-8''data.bin",
              r.header("Content-Disposition"));
    EXPECT_EQ("nosniff", r.header("X-Content-Type-Options"));
}

TEST_F(DownloadTest, AListedFileTheHostCannotOpenIsSaidSoNotAnsweredAsADeadLink) {
    // Listed (the case still names it), but gone from the host's disk: opening it fails.
    ASSERT_EQ(0, std::remove((dir_ + "/a3").c_str()));
    const auto r = get_a3();
    EXPECT_EQ(503, r.status);
    EXPECT_EQ("60", r.header("Retry-After"));
    EXPECT_NE(std::string::npos, r.body.find("lässt sich gerade nicht öffnen")) << r.body;
    EXPECT_NE(std::string::npos, r.body.find("href=\"" + share_.path() + "\""))
        << "a way back to the share";
    const auto dead = http_request(port(), "GET", "/s/unknown");
    EXPECT_NE(dead.body, r.body);
    // The share itself still opens.
    EXPECT_EQ(200, http_request(port(), "GET", share_.path()).status);
}

TEST_F(DownloadTest, FallbackWithoutFileDescriptorSendsTheSameBytes) {
    host_.set_offer_fd(false);
    EXPECT_EQ(a3_content_, get_a3().body);
    EXPECT_EQ(a3_content_.substr(1000, 5), get_a3({{"Range", "bytes=1000-1004"}}).body);
}

TEST_F(DownloadTest, FirstByte) {
    const auto r = get_a3({{"Range", "bytes=0-0"}});
    EXPECT_EQ(206, r.status);
    EXPECT_EQ(a3_content_.substr(0, 1), r.body);
    EXPECT_EQ("bytes 0-0/1048576", r.header("Content-Range"));
    EXPECT_EQ("1", r.header("Content-Length"));
}

TEST_F(DownloadTest, LastByte) {
    const auto r = get_a3({{"Range", "bytes=-1"}});
    EXPECT_EQ(206, r.status);
    EXPECT_EQ(a3_content_.substr(a3_content_.size() - 1), r.body);
    EXPECT_EQ("bytes 1048575-1048575/1048576", r.header("Content-Range"));
}

TEST_F(DownloadTest, FromOffsetToEnd) {
    const auto r = get_a3({{"Range", "bytes=1048000-"}});
    EXPECT_EQ(206, r.status);
    EXPECT_EQ(a3_content_.substr(1048000), r.body);
}

TEST_F(DownloadTest, UnsatisfiableRangeIs416WithTheSize) {
    const auto r = get_a3({{"Range", "bytes=1048576-"}});
    EXPECT_EQ(416, r.status);
    EXPECT_EQ("bytes */1048576", r.header("Content-Range"));
    EXPECT_TRUE(r.body.empty());
}

TEST_F(DownloadTest, MalformedRangeIsIgnored) {
    const auto r = get_a3({{"Range", "bytes=9-1"}});
    EXPECT_EQ(200, r.status);
    EXPECT_EQ(a3_content_.size(), r.body.size());
}

TEST_F(DownloadTest, SeveralRangesComeAsMultipartByteranges) {
    const auto r = get_a3({{"Range", "bytes=0-1,100-101,-2"}});
    ASSERT_EQ(206, r.status);
    const std::string type = r.header("Content-Type");
    ASSERT_EQ(0u, type.rfind("multipart/byteranges; boundary=", 0)) << type;
    const std::string boundary = type.substr(type.find('=') + 1);
    EXPECT_EQ(std::to_string(r.body.size()), r.header("Content-Length"));
    EXPECT_NE(std::string::npos, r.body.find("Content-Range: bytes 0-1/1048576\r\n\r\n" +
                                             a3_content_.substr(0, 2) + "\r\n--" + boundary));
    EXPECT_NE(std::string::npos, r.body.find("Content-Range: bytes 100-101/1048576\r\n\r\n" +
                                             a3_content_.substr(100, 2)));
    EXPECT_NE(std::string::npos, r.body.find("Content-Range: bytes 1048574-1048575/1048576"));
    EXPECT_EQ("\r\n--" + boundary + "--\r\n", r.body.substr(r.body.size() - boundary.size() - 8));
}

TEST_F(DownloadTest, MoreRangesThanTheLimitGetTheWholeFile) {
    std::string many = "bytes=";
    for (int i = 0; i < settings_.portal.max_ranges + 1; ++i) {
        many += (i ? "," : "") + std::to_string(i * 10) + "-" + std::to_string(i * 10 + 1);
    }
    const auto r = get_a3({{"Range", many}});
    EXPECT_EQ(200, r.status);
    EXPECT_EQ(a3_content_.size(), r.body.size());
}

TEST_F(DownloadTest, IfRangeWithAnOldValidatorGetsTheWholeFile) {
    const auto matching = get_a3({{"Range", "bytes=0-0"}, {"If-Range", get_a3().header("ETag")}});
    EXPECT_EQ(206, matching.status);
    const auto stale = get_a3({{"Range", "bytes=0-0"}, {"If-Range", "\"outdated\""}});
    EXPECT_EQ(200, stale.status);
    const auto by_date =
        get_a3({{"Range", "bytes=0-0"}, {"If-Range", "Fri, 02 Jan 2026 03:04:05 GMT"}});
    EXPECT_EQ(206, by_date.status);
}

TEST_F(DownloadTest, HeadSendsHeadersOnlyAndCountsNothing) {
    const auto limited = create_share({.download_limit = 1});
    for (int i = 0; i < 3; ++i) {
        const auto r = http_request(port(), "HEAD", limited.path() + "/files/a1");
        EXPECT_EQ(200, r.status);
        EXPECT_TRUE(r.body.empty());
        EXPECT_EQ(std::to_string(a1_content_.size()), r.header("Content-Length"));
    }
    EXPECT_EQ(a1_content_, http_request(port(), "GET", limited.path() + "/files/a1").body);
    EXPECT_EQ(403, http_request(port(), "GET", limited.path() + "/files/a1").status);
}

TEST_F(DownloadTest, HiddenUnlistedAndUnknownIdsAnswerLikeADeadLink) {
    const auto dead = http_request(port(), "GET", "/s/unknown");
    for (const char* id : {"a2", "a4", "nope", "f1", "j1", "..%2Fa1"}) {
        const auto r = http_request(port(), "GET", share_.path() + "/files/" + std::string(id));
        EXPECT_EQ(dead.status, r.status) << id;
        EXPECT_EQ(dead.comparable_headers(), r.comparable_headers()) << id;
        EXPECT_EQ(dead.body, r.body) << id;
    }
}

TEST_F(DownloadTest, PageMentionsNoHiddenItem) {
    const auto page = http_request(port(), "GET", share_.path()).body;
    for (const char* secret : {"TOPSECRET", "secret-plan", "later.txt", "Hidden field"}) {
        EXPECT_EQ(std::string::npos, page.find(secret)) << secret;
    }
    // Short ids are searched where an id can appear (a link, an attribute, an element's text):
    // searched bare, they also turn up by chance inside the page's random tokens.
    for (const std::string id : {"a2", "f2", "j2", "a4"}) {
        for (const std::string& form : {"/files/" + id, "\"" + id + "\"", "'" + id + "'",
                                        ">" + id + "<", "=" + id + "&", "/" + id + "\""}) {
            EXPECT_EQ(std::string::npos, page.find(form)) << form;
        }
    }
    EXPECT_NE(std::string::npos, page.find("hello.txt"));
    EXPECT_NE(std::string::npos, page.find("data.bin"));
    EXPECT_NE(std::string::npos, page.find("<p>Erster Eintrag<br>zweite Zeile</p>"))
        << "the journal keeps its line break";
}

TEST_F(DownloadTest, ItemDeletedInTheHostDisappears) {
    host_.remove_attachment("case-1", "a1");
    EXPECT_EQ(404, http_request(port(), "GET", share_.path() + "/files/a1").status);
    EXPECT_EQ(std::string::npos, http_request(port(), "GET", share_.path()).body.find("hello.txt"));
}

TEST_F(DownloadTest, HostileFileNamesCannotBreakTheHeader) {
    put_case_files({
        {"h1", "quote\"d\r\nX-Evil: 1.txt", "1"},
        {"h2", "Ärger \u202Etxt.exe", "2", "text/html\r\nX-Evil: 1"},
        {"h3", "../../etc/passwd", "3"},
    });
    for (const std::string& id : std::vector<std::string>{"h1", "h2", "h3"}) {
        const auto r = http_request(port(), "GET", share_.path() + "/files/" + std::string(id));
        ASSERT_EQ(200, r.status) << id;
        EXPECT_FALSE(r.has("X-Evil")) << id;
        const std::string d = r.header("Content-Disposition");
        EXPECT_EQ(0u, d.rfind("attachment; filename=\"", 0)) << d;
        EXPECT_EQ(std::string::npos, d.find('/')) << d;
        EXPECT_EQ(std::string::npos, d.find("%E2%80%AE")) << "no RTL override: " << d;
        EXPECT_EQ(3, std::count(d.begin(), d.end(), '"') + 1) << d;  // exactly one quoted string
    }
    EXPECT_EQ("application/octet-stream",
              http_request(port(), "GET", share_.path() + "/files/h2").header("Content-Type"));
}

// curl -J and older clients save under the plain filename=: a transliteration, not "_.txt".
TEST_F(DownloadTest, PlainFilenameOverHttpIsATransliterationWithTheExtension) {
    put_case_files({
        {"h1", "Bericht über Lärm.pdf", "1", "application/pdf"},
        {"h2", "レポート.txt", "2"},
        {"h3", "★★★.txt", "3"},
    });
    auto disposition = [&](const std::string& path) {
        const auto r = http_request(port(), "GET", share_.path() + path);
        EXPECT_EQ(200, r.status) << path;
        return r.header("Content-Disposition");
    };
    EXPECT_EQ(
        "attachment; filename=\"Bericht ueber Laerm.pdf\"; "
        "filename*=UTF-8''Bericht%20%C3%BCber%20L%C3%A4rm.pdf",
        disposition("/files/h1"));
    EXPECT_EQ(0u, disposition("/files/h2").rfind("attachment; filename=\"repoto.txt\"; ", 0));
    // Nothing readable left: the case number and the item's id name the file.
    EXPECT_EQ(0u, disposition("/files/h3").rfind("attachment; filename=\"2026-17-h3.txt\"; ", 0));
    const std::string zip = disposition("/all.zip");
    EXPECT_EQ(0u, zip.rfind("attachment; filename=\"", 0)) << zip;
    EXPECT_NE(std::string::npos, zip.find("2026-17.zip\"")) << zip;
}

TEST_F(DownloadTest, FiftyParallelDownloadsWithLimitOneServeExactlyOne) {
    const auto limited = create_share({.download_limit = 1});
    std::atomic<int> served{0}, refused{0};
    std::vector<std::thread> clients;
    for (int i = 0; i < 50; ++i) {
        clients.emplace_back([&] {
            const auto r = http_request(port(), "GET", limited.path() + "/files/a3");
            if (r.status == 200 && r.body == a3_content_) {
                ++served;
            } else if (r.status == 403) {
                ++refused;
            }
        });
    }
    for (auto& t : clients) {
        t.join();
    }
    EXPECT_EQ(1, served.load());
    EXPECT_EQ(49, refused.load());
}

TEST_F(DownloadTest, RevocationStopsARunningDownload) {
    const std::uint64_t big_size = put_big_case();
    Poco::Net::StreamSocket s(Poco::Net::SocketAddress("127.0.0.1", port()));
    s.setReceiveBufferSize(64 * 1024);
    const std::string req = "GET " + share_.path() + "/files/big HTTP/1.1\r\nHost: x\r\n\r\n";
    s.sendBytes(req.data(), static_cast<int>(req.size()));
    std::vector<char> buf(1 << 16);
    std::uint64_t got = 0;
    while (got < (1u << 20)) {
        got += static_cast<std::uint64_t>(s.receiveBytes(buf.data(), static_cast<int>(buf.size())));
    }
    revoke(share_);
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    s.setReceiveTimeout(Poco::Timespan(10, 0));
    while (true) {
        const int n = s.receiveBytes(buf.data(), static_cast<int>(buf.size()));
        if (n <= 0) {
            break;
        }
        got += static_cast<std::uint64_t>(n);
    }
    EXPECT_LT(got, big_size) << "the transfer was cut after the revocation";
}

TEST_F(DownloadTest, KeepAliveConnectionServesSeveralDownloads) {
    Poco::Net::StreamSocket s(Poco::Net::SocketAddress("127.0.0.1", port()));
    s.setReceiveTimeout(Poco::Timespan(10, 0));
    const std::string req = "GET " + share_.path() + "/files/a1 HTTP/1.1\r\nHost: x\r\n\r\n";
    const std::string pipelined = req + req + req;
    s.sendBytes(pipelined.data(), static_cast<int>(pipelined.size()));
    auto occurrences = [](const std::string& hay, const std::string& needle) {
        std::size_t n = 0;
        for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) {
            ++n;
        }
        return n;
    };
    std::string all;
    char buf[4096];
    while (occurrences(all, a1_content_) < 3) {
        const int n = s.receiveBytes(buf, sizeof buf);
        if (n <= 0) {
            break;
        }
        all.append(buf, static_cast<std::size_t>(n));
    }
    EXPECT_EQ(3u, occurrences(all, "HTTP/1.1 200 OK\r\n"));
    EXPECT_EQ(3u, occurrences(all, a1_content_));
}

// The socket is corked while sendfile runs; the end of each body must still leave at once. Left
// corked, Linux holds a partial last segment for 200 ms, so ten small downloads one after the
// other on one connection would take two seconds instead of a few milliseconds.
TEST_F(DownloadTest, EndOfEachBodyLeavesWithoutTheCorkDelay) {
    Poco::Net::StreamSocket s(Poco::Net::SocketAddress("127.0.0.1", port()));
    s.setReceiveTimeout(Poco::Timespan(10, 0));
    const std::string req = "GET " + share_.path() + "/files/a1 HTTP/1.1\r\nHost: x\r\n\r\n";
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < 10; ++i) {
        s.sendBytes(req.data(), static_cast<int>(req.size()));
        std::string got;
        char buf[4096];
        while (got.find(a1_content_) == std::string::npos) {
            const int n = s.receiveBytes(buf, sizeof buf);
            ASSERT_GT(n, 0) << "download " << i;
            got.append(buf, static_cast<std::size_t>(n));
        }
    }
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(1500));
}

}  // namespace
}  // namespace es::portal::test
