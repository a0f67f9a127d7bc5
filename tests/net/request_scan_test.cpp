// Where a request ends, decided before any handler runs: the front door hands a worker only whole
// requests, and refuses framing that two parsers could read differently.
#include <gtest/gtest.h>

#include <string>

#include "net/request_scan.hpp"

namespace es::net::test {
namespace {

using State = RequestScan::State;

RequestScan scan(const std::string& bytes, std::size_t max_head = 16384,
                 std::size_t max_body = 1024) {
    return scan_request(bytes, max_head, max_body);
}

// Each of `requests` is refused with `status` before any handler sees it.
void expect_refused(int status, std::initializer_list<std::string> requests) {
    for (const std::string& r : requests) {
        EXPECT_EQ(status, scan(r).status) << r;
    }
}

// A literal with NUL bytes in it, whole.
template <std::size_t N>
std::string bytes(const char (&literal)[N]) {
    return std::string(literal, N - 1);
}

TEST(RequestScanTest, HeadWithoutItsEmptyLineIsIncomplete) {
    EXPECT_EQ(State::Incomplete, scan("GET / HTTP/1.1\r\nHost: x\r\n").state);
    EXPECT_EQ(State::Incomplete, scan("GET / HTTP/1.1\r\nHost: x\r\n\r").state);
    EXPECT_EQ(State::Incomplete, scan("").state);
}

TEST(RequestScanTest, CompleteHeadTellsItsSizeAndBody) {
    const std::string head = "POST /s/t/password HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n";
    const auto r = scan(head + "abcde" + "GET / HTTP/1.1\r\n");
    ASSERT_EQ(State::Complete, r.state);
    EXPECT_EQ(head.size(), r.head_size);
    EXPECT_EQ(5u, r.body_size);
    EXPECT_EQ("POST", r.head->getMethod());
    EXPECT_EQ("/s/t/password", r.head->getURI());
}

TEST(RequestScanTest, BlankLinesBeforeTheRequestAndBareLineFeedsAreAccepted) {
    const auto r = scan("\r\n\r\nGET /a HTTP/1.1\nHost: x\n\n");
    ASSERT_EQ(State::Complete, r.state);
    EXPECT_EQ("/a", r.head->getURI());
    EXPECT_EQ(0u, r.body_size);
}

TEST(RequestScanTest, GarbageIsABadRequest) {
    // A TLS ClientHello sent to the plain port, with a line end in it.
    expect_refused(400,
                   {bytes("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\n\n"), "GARBAGE\r\n\r\n"});
}

TEST(RequestScanTest, RequestLineAndHeadersMustBeWellFormedTokensAndText) {
    // Poco's parser takes any non-space bytes as method, target and header name; each of these
    // would reach a handler, a log or a proxy behind us in a form nobody checked.
    expect_refused(
        400, {"G\x01"
              "T / HTTP/1.1\r\n\r\n",
              "GET /a\x7f"
              "b HTTP/1.1\r\n\r\n",
              "GET /caf\xc3\xa9 HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nBad Name: x\r\n\r\n",
              "GET / HTTP/1.1\r\nX-A(b): x\r\n\r\n",
              "GET / HTTP/1.1\r\nX-A: a\x01"
              "b\r\n\r\n",
              "GET / HTTP/1.1\r\nX-A: a\rb\r\n\r\n", bytes("GET / HTTP/1.1\r\nX-A: a\0b\r\n\r\n")});
    // What is allowed: tabs and non-ASCII bytes in values (obs-text), every tchar in names.
    EXPECT_EQ(State::Complete, scan("GET /a?b=%C3%A9&c=~ HTTP/1.1\r\nX-A: a\tb \xc3\xa9\r\n"
                                    "X-!#$%&'*+-.^_`|~09: v\r\n\r\n")
                                   .state);
    EXPECT_EQ(State::Complete, scan("OPTIONS * HTTP/1.1\r\n\r\n").state);
}

// Field lines that one parser skips or joins and another reads as they are: a line without a
// colon ("Content-Length 38" vanished from Poco's view), space before the colon, and a line folded
// onto the one before (obs-fold). RFC 9112 lets a server refuse each; a proxy in front of the
// portal may read them otherwise, so they are refused.
TEST(RequestScanTest, FieldLinesNeedANameAndAColonAndAreNeverFolded) {
    expect_refused(
        400,
        {"POST /a HTTP/1.1\r\nHost: x\r\nContent-Length 38\r\n\r\n",
         "GET /a HTTP/1.1\r\nHost: x\r\nno colon at all\r\n\r\n",
         "GET /a HTTP/1.1\r\nHost : x\r\n\r\n", "GET /a HTTP/1.1\r\nHost\t: x\r\n\r\n",
         "GET /a HTTP/1.1\r\n: x\r\n\r\n", "GET /a HTTP/1.1\r\nX-A: one\r\n two\r\n\r\n",
         "GET /a HTTP/1.1\r\nX-A: one\r\n\ttwo\r\n\r\n", "GET /a HTTP/1.1\nX-A: one\n two\n\n"});
    // Colons in values and empty values are fine.
    EXPECT_EQ(State::Complete,
              scan("GET /a HTTP/1.1\r\nHost: x:8080\r\nX-Empty:\r\nX-B:v\r\n\r\n").state);
}

TEST(RequestScanTest, OnlyHttp1IsSpoken) {
    EXPECT_EQ(505, scan("GET / HTTP/2.0\r\n\r\n").status);
    EXPECT_EQ(State::Complete, scan("GET / HTTP/1.0\r\n\r\n").state);
}

TEST(RequestScanTest, TransferEncodingIsRefused) {
    EXPECT_EQ(411, scan("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").status);
    EXPECT_EQ(411, scan("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n").status);
    EXPECT_EQ(501, scan("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n").status);
    // Together with a length: the classic smuggling pair.
    EXPECT_EQ(411, scan("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n"
                        "\r\nabc")
                       .status);
}

TEST(RequestScanTest, ContentLengthMustBeOneUnambiguousNumber) {
    expect_refused(400, {"POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n",
                         "POST / HTTP/1.1\r\nContent-Length: +3\r\n\r\n",
                         "POST / HTTP/1.1\r\nContent-Length: 0x3\r\n\r\n",
                         "POST / HTTP/1.1\r\nContent-Length: 3, 3\r\n\r\n",
                         "POST / HTTP/1.1\r\nContent-Length: \r\n\r\n",
                         "POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n"});
    const auto same = scan("POST / HTTP/1.1\r\nContent-Length: 3\r\ncontent-length: 3\r\n\r\nabc");
    ASSERT_EQ(State::Complete, same.state);
    EXPECT_EQ(3u, same.body_size);
}

TEST(RequestScanTest, SizesOverTheLimitsAreRefused) {
    EXPECT_EQ(413, scan("POST / HTTP/1.1\r\nContent-Length: 1025\r\n\r\n").status);
    EXPECT_EQ(State::Complete, scan("POST / HTTP/1.1\r\nContent-Length: 1024\r\n\r\n").state);
    const std::string long_head = "GET / HTTP/1.1\r\nX-Pad: " + std::string(200, 'a') + "\r\n\r\n";
    EXPECT_EQ(431, scan(long_head, 100).status);
    // Without its end yet, a head already over the limit is refused without waiting for more.
    EXPECT_EQ(431, scan("GET / HTTP/1.1\r\nX-Pad: " + std::string(200, 'a'), 100).status);
}

TEST(RequestScanTest, ExpectContinueIsNoticed) {
    EXPECT_TRUE(scan("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n")
                    .expect_continue);
    EXPECT_FALSE(scan("POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\n").expect_continue);
}

}  // namespace
}  // namespace es::net::test
