// What keeps slow downloads from starving the sample host: a download holds an HTTP thread for as
// long as its client takes to read it, so only attachments.max_downloads_at_once run at a time
// (half the threads by default); one more is refused at once with 503 and Retry-After, and
// everything else is still answered. One caseworker reading sixteen downloads a byte at a time
// used to stop the host for everyone.
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include "stalled_reader.hpp"
#include "test_host.hpp"

namespace host::test {
namespace {

using Clock = std::chrono::steady_clock;

const std::string kBoundary = "----dm-download-limits-7Qw";

TEST(DownloadLimits, SlowDownloadsBeyondTheLimitAreRefusedWhileEverythingElseIsServed) {
    TestHost::Options o;
    o.cases_per_organisation = 3;
    TestHost host(o);  // 8 threads: 4 downloads at once
    ApiClient anna(host.port());
    ASSERT_EQ(200, anna.login("anna.meier", "demo-anna").status);
    const auto cases = anna.get("/api/cases?page_size=1").json()->getArray("cases");
    const std::string files =
        "/api/cases/" + cases->getObject(0)->getValue<std::string>("id") + "/attachments";
    const std::string body =
        "--" + kBoundary +
        "\r\nContent-Disposition: form-data; name=\"file\"; "
        "filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n" +
        std::string(8 << 20, 'x') + "\r\n--" + kBoundary + "--\r\n";
    const auto added = anna.post(files, body, "multipart/form-data; boundary=" + kBoundary);
    ASSERT_EQ(201, added.status) << added.body;
    const std::string content = files + "/" + added.json()->get("id").toString() + "/content";
    const std::string request =
        "GET " + content + " HTTP/1.1\r\nHost: x\r\nCookie: " + anna.cookie_header() + "\r\n\r\n";

    // One caseworker, eight addresses (an office's proxies), eight downloads read a byte at a time.
    std::vector<es::net::test::StalledReader> readers;
    for (int i = 0; i < 8; ++i) {
        readers.emplace_back(static_cast<std::uint16_t>(host.port()),
                             "127.0.5." + std::to_string(i + 1), request);
    }
    int sending = 0;
    int refused = 0;
    for (const auto& reader : readers) {
        const int status = reader.status_within(std::chrono::seconds(5));
        sending += status == 200 ? 1 : 0;
        refused += status == 503 ? 1 : 0;
    }
    EXPECT_EQ(4, sending);
    EXPECT_EQ(4, refused);
    // Everyone else is answered at once meanwhile.
    for (int i = 0; i < 5; ++i) {
        const auto start = Clock::now();
        EXPECT_EQ(200, anna.get("/api/me").status);
        EXPECT_LT(Clock::now() - start, std::chrono::seconds(2)) << "request " << i;
    }
    const auto busy = anna.get(content);
    EXPECT_EQ(503, busy.status);
    EXPECT_EQ("busy", busy.json()->getObject("error")->getValue<std::string>("code")) << busy.body;
    EXPECT_EQ("5", busy.header("Retry-After"));
    // Readers that give up free their threads: the next download is served.
    for (auto& reader : readers) {
        reader.close();
    }
    int status = 0;
    for (const auto stop = Clock::now() + std::chrono::seconds(10);
         status != 200 && Clock::now() < stop;) {
        status = anna.get(content).status;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_EQ(200, status);
}

}  // namespace
}  // namespace host::test
