// What keeps uploads from starving the sample host: an upload holds an HTTP thread while its file
// arrives, so only attachments.max_uploads_at_once run at a time (a quarter of the threads by
// default), and one whose average falls below attachments.min_upload_bytes_per_second is ended
// once body_timeout_seconds have passed, even when it never stalls for a whole body_timeout. A
// closed case takes no new file.
#include <chrono>
#include <filesystem>
#include <memory>
#include <set>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include "raw_client.hpp"
#include "test_host.hpp"

namespace host::test {
namespace {

using namespace std::chrono_literals;
using es::net::test::RawClient;
using Clock = std::chrono::steady_clock;

const std::string kBoundary = "----dm-limits-boundary-q8Zt1";
const std::string kMultipartType = "multipart/form-data; boundary=" + kBoundary;

std::string multipart(const std::string& filename, const std::string& content) {
    return "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
           filename + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--" + kBoundary +
           "--\r\n";
}

class UploadLimits : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        TestHost::Options o;
        o.cases_per_organisation = 3;
        o.body_timeout_seconds = 2;  // the test host has 8 threads: 2 uploads at once
        host_ = new TestHost(o);
    }
    static void TearDownTestSuite() {
        delete host_;
        host_ = nullptr;
    }
    void SetUp() override {
        ASSERT_EQ(anna_.login("anna.meier", "demo-anna").status, 200);
        auto cases = anna_.get("/api/cases?page_size=3").json()->getArray("cases");
        case_ = cases->getObject(0)->getValue<std::string>("id");
        closed_case_ = cases->getObject(1)->getValue<std::string>("id");
    }
    std::string path(const std::string& id) const { return "/api/cases/" + id + "/attachments"; }
    std::size_t attachment_count(const std::string& id) {
        return anna_.get(path(id)).json()->getArray("attachments")->size();
    }
    // An upload written by hand: its head, announcing `length` body bytes, and nothing more yet.
    std::unique_ptr<RawClient> start_upload(std::size_t length) {
        auto c =
            std::make_unique<RawClient>("127.0.0.1", static_cast<std::uint16_t>(host_->port()));
        EXPECT_TRUE(c->send(
            "POST " + path(case_) + " HTTP/1.1\r\nHost: x\r\nCookie: " + anna_.cookie_header() +
            "\r\nX-CSRF-Token: " + anna_.csrf_token() + "\r\nContent-Type: " + kMultipartType +
            "\r\nContent-Length: " + std::to_string(length) + "\r\n\r\n"));
        return c;
    }

    static TestHost* host_;
    ApiClient anna_{host_->port()};
    std::string case_;
    std::string closed_case_;
};
TestHost* UploadLimits::host_ = nullptr;

TEST_F(UploadLimits, UploadsBeyondTheLimitAtOnceAreRefusedWhileEverythingElseIsServed) {
    const std::string body = multipart("slow.txt", std::string(100000, 'x'));
    std::vector<std::unique_ptr<RawClient>> holding;
    for (int i = 0; i < 2; ++i) {
        holding.push_back(start_upload(body.size()));
        ASSERT_TRUE(holding.back()->send(std::string_view(body).substr(0, 200)));
    }
    std::this_thread::sleep_for(300ms);  // both are in their handlers now, waiting for more

    auto third = start_upload(body.size());
    const std::string refused = third->read_response(3s);
    EXPECT_EQ(503, es::net::test::status_of(refused)) << refused;
    EXPECT_FALSE(es::net::test::header_of(refused, "Retry-After").empty()) << refused;
    EXPECT_NE(std::string::npos, refused.find("\"code\":\"busy\"")) << refused;

    // The other threads serve everyone else meanwhile.
    EXPECT_EQ(200, anna_.get("/api/cases?page_size=1").status);

    // Once the two holding uploads end (their clients go away), an upload runs again.
    holding.clear();
    int status = 0;
    for (const auto until = Clock::now() + 10s; Clock::now() < until && status != 201;) {
        status = anna_.post(path(case_), multipart("after.txt", "done"), kMultipartType).status;
        if (status != 201)
            std::this_thread::sleep_for(100ms);
    }
    EXPECT_EQ(201, status);
}

// One caseworker adding files one after another is never "busy": an upload stops counting when its
// answer begins, so the next one, sent the moment the answer is read, finds it gone.
TEST_F(UploadLimits, UploadsOneAfterAnotherAreNeverRefused) {
    for (int i = 0; i < 30; ++i) {
        const auto r = anna_.post(path(case_), multipart("one-" + std::to_string(i) + ".txt", "x"),
                                  kMultipartType);
        ASSERT_EQ(201, r.status) << "upload " << i << ": " << r.body;
    }
}

TEST_F(UploadLimits, ATricklingUploadEndsOnceItsAverageFallsBelowTheMinimum) {
    const std::size_t before = attachment_count(case_);
    const std::string body = multipart("trickle.txt", std::string(100000, 'x'));
    auto c = start_upload(body.size());
    // Ten bytes every 400 ms: never a gap of body_timeout (2 s), but 25 bytes a second on average
    // against the default minimum of 1024. Without the minimum this would hold a thread for over
    // an hour; with it the upload ends about body_timeout after its head.
    const auto started = Clock::now();
    std::string answer;
    std::size_t sent = 0;
    while (Clock::now() - started < 12s && sent + 10 < body.size()) {
        if (!c->send(std::string_view(body).substr(sent, 10)))
            break;
        sent += 10;
        answer = c->read_response(400ms);
        if (!answer.empty())
            break;
    }
    if (answer.empty())
        answer = c->read_response(2s);
    const auto took = Clock::now() - started;
    EXPECT_EQ(400, es::net::test::status_of(answer)) << answer;
    EXPECT_NE(std::string::npos, answer.find("\"code\":\"upload_incomplete\"")) << answer;
    EXPECT_LT(took, 6s);
    EXPECT_EQ(before, attachment_count(case_));
}

TEST_F(UploadLimits, ASlowButSteadyUploadPastTheGracePeriodCompletes) {
    // 2 KiB every 500 ms (4 KiB/s, above the minimum) for 3.5 s, well past body_timeout.
    const std::string body = multipart("steady.txt", std::string(14 * 1024, 'y'));
    auto c = start_upload(body.size());
    for (std::size_t sent = 0; sent < body.size(); sent += 2048) {
        ASSERT_TRUE(c->send(std::string_view(body).substr(sent, 2048)));
        if (sent + 2048 < body.size())
            std::this_thread::sleep_for(500ms);
    }
    const std::string answer = c->read_response(5s);
    EXPECT_EQ(201, es::net::test::status_of(answer)) << answer;
}

TEST_F(UploadLimits, AClosedCaseTakesNoNewFile) {
    ASSERT_EQ(200, anna_.post("/api/cases/" + closed_case_ + "/close", "{}").status);
    const std::size_t before = attachment_count(closed_case_);
    auto r = anna_.post(path(closed_case_), multipart("late.txt", "too late"), kMultipartType);
    EXPECT_EQ(409, r.status) << r.body;
    EXPECT_EQ("case_closed", r.json()->getObject("error")->getValue<std::string>("code"));
    EXPECT_EQ(before, attachment_count(closed_case_));
}

}  // namespace
}  // namespace host::test
