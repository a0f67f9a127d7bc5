// Adding an attachment through POST /api/cases/{id}/attachments on a running sample host: the
// file streams to disk under a generated name (larger than any JSON body the front door reads
// whole), keeps its name for display, is typed by that name, and an upload that is too large, cut
// off, foreign or forged leaves neither a file nor a row behind.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include "auth/tokens.hpp"
#include "raw_client.hpp"
#include "two_organisations_suite.hpp"

namespace host::test {
namespace {

using namespace std::chrono_literals;
using es::net::test::RawClient;
namespace fs = std::filesystem;

constexpr std::int64_t kLimit = 4 << 20;
const std::string kBoundary = "----dm-test-boundary-7MA4YWxkTrZu0gW";

// A body as a browser's FormData sends it: one file part.
std::string multipart(const std::string& filename, const std::string& content,
                      const std::string& type = "application/octet-stream") {
    return "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
           filename + "\"\r\nContent-Type: " + type + "\r\n\r\n" + content + "\r\n--" + kBoundary +
           "--\r\n";
}

const std::string kMultipartType = "multipart/form-data; boundary=" + kBoundary;

// Bytes that are not all alike, so a misplaced chunk would show.
std::string pattern(std::size_t size) {
    std::string out(size, '\0');
    std::uint32_t x = 2463534242u;
    for (auto& c : out) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = static_cast<char>(x);
    }
    return out;
}

class AttachmentUpload : public TwoOrganisationsSuite<AttachmentUpload> {
  public:
    static TestHost::Options host_options() {
        TestHost::Options o;
        o.cases_per_organisation = 3;
        o.max_upload_bytes = kLimit;
        return o;
    }

  protected:
    void SetUp() override {
        TwoOrganisationsSuite::SetUp();
        if (!HasFatalFailure()) {
            case_ = first_case_of(anna_);
        }
    }
    std::string path() const { return "/api/cases/" + case_ + "/attachments"; }
    HttpResult upload(const std::string& filename, const std::string& content,
                      const std::string& type = "application/octet-stream") {
        return anna_.post(path(), multipart(filename, content, type), kMultipartType);
    }
    std::size_t rows() { return anna_.get(path()).json()->getArray("attachments")->size(); }
    // Every file under the attachment folders, partial uploads included.
    static std::set<std::string> files() {
        std::set<std::string> out;
        const fs::path root = fs::path(host_->data_directory()) / "data" / "attachments";
        for (const auto& e : fs::recursive_directory_iterator(root)) {
            if (e.is_regular_file())
                out.insert(e.path().string());
        }
        return out;
    }
    static std::string error_code(const HttpResult& r) {
        return r.json()->getObject("error")->getValue<std::string>("code");
    }
    // The same upload written by hand: the head and the first `sent` bytes of the body, then the
    // connection is closed. Returns the files there were while the upload was under way.
    std::set<std::string> upload_cut_off(const std::string& body, std::size_t sent) {
        RawClient c("127.0.0.1", static_cast<std::uint16_t>(host_->port()));
        EXPECT_TRUE(c.send(
            "POST " + path() + " HTTP/1.1\r\nHost: x\r\nCookie: " + anna_.cookie_header() +
            "\r\nX-CSRF-Token: " + anna_.csrf_token() + "\r\nContent-Type: " + kMultipartType +
            "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n"));
        EXPECT_TRUE(c.send(std::string_view(body).substr(0, sent)));
        std::this_thread::sleep_for(300ms);  // the host is writing the file now
        return files();
    }

    std::string case_;
};

TEST_F(AttachmentUpload, FileLargerThanAnyFormIsStoredWholeUnderItsName) {
    const std::string content = pattern(3 << 20);  // three times the front door's body limit
    const auto before = files();
    auto r = upload("Bericht über Lärm.pdf", content, "application/x-whatever");
    ASSERT_EQ(r.status, 201) << r.body;
    auto a = r.json();
    EXPECT_EQ(a->getValue<std::string>("name"), "Bericht über Lärm.pdf");
    EXPECT_EQ(a->getValue<std::string>("media_type"), "application/pdf");
    EXPECT_EQ(a->getValue<std::int64_t>("size"), static_cast<std::int64_t>(content.size()));
    EXPECT_EQ(a->getValue<std::string>("sha256"), Tokens::sha256_hex(content));

    // On disk: one new file, with the same bytes, whose name has nothing of the upload's.
    const auto after = files();
    ASSERT_EQ(after.size(), before.size() + 1);
    std::string added;
    for (const auto& f : after) {
        if (!before.count(f))
            added = f;
    }
    EXPECT_EQ(added.find("Bericht"), std::string::npos) << added;
    EXPECT_EQ(added.substr(added.size() - 4), ".bin") << added;
    std::ifstream in(added, std::ios::binary);
    std::stringstream disk;
    disk << in.rdbuf();
    EXPECT_TRUE(disk.str() == content);

    // In the case, and downloadable with the same bytes.
    auto download = anna_.get(path() + "/" + a->getValue<std::string>("id") + "/content");
    ASSERT_EQ(download.status, 200);
    EXPECT_TRUE(download.body == content);
    EXPECT_EQ(download.header("Content-Type"), "application/pdf");
}

TEST_F(AttachmentUpload, AwkwardNamesAreKeptForDisplayAndNeverUsedAsPaths) {
    const std::vector<std::pair<std::string, std::string>> names = {
        {"議事録 2024年.txt", "議事録 2024年.txt"},
        {"invoice\u202Efdp.exe", "invoice\u202Efdp.exe"},
        {"../../../etc/passwd", "../../../etc/passwd"},
        {"Zitat %22gross%22.csv", "Zitat \"gross\".csv"},
        {"ohne Endung", "ohne Endung"},
        {"tab\there.txt", "tabhere.txt"},
    };
    // By the last extension, as Debian's mime.types says; the client's claim does not count.
    const std::vector<std::string> types = {
        "text/plain", "application/x-msdos-program", "application/octet-stream",
        "text/csv",   "application/octet-stream",    "text/plain"};
    const auto before = files();
    for (std::size_t i = 0; i < names.size(); ++i) {
        auto r = upload(names[i].first, "content " + std::to_string(i), "application/pdf");
        ASSERT_EQ(r.status, 201) << names[i].first << ": " << r.body;
        EXPECT_EQ(r.json()->getValue<std::string>("name"), names[i].second);
        EXPECT_EQ(r.json()->getValue<std::string>("media_type"), types[i]) << names[i].first;
    }
    const auto after = files();
    EXPECT_EQ(after.size(), before.size() + names.size());
    // Each under the case's folder, named by the host alone.
    for (const auto& f : after) {
        if (before.count(f))
            continue;
        EXPECT_EQ(fs::path(f).parent_path().filename(), case_) << f;
        EXPECT_EQ(fs::path(f).filename().string().size(), 32u + 4u) << f;
        EXPECT_EQ(fs::path(f).extension(), ".bin") << f;
    }
    EXPECT_FALSE(fs::exists(fs::path(host_->data_directory()) / "etc" / "passwd"));
}

TEST_F(AttachmentUpload, EmptyNameOrNoFileIsAFieldError) {
    const std::size_t before_rows = rows();
    const auto before = files();
    for (const std::string& name :
         {std::string(), std::string("   "), std::string("\xff\xfe.txt"), std::string(256, 'a')}) {
        auto r = upload(name, "x");
        EXPECT_EQ(r.status, 400) << r.body;
        EXPECT_EQ(r.json()->getObject("error")->getValue<std::string>("field"), "file");
    }
    auto r = anna_.post(path(),
                        "--" + kBoundary +
                            "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--" +
                            kBoundary + "--\r\n",
                        kMultipartType);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.json()->getObject("error")->getValue<std::string>("field"), "file");
    EXPECT_EQ(anna_.post(path(), "{}").status, 415);
    EXPECT_EQ(rows(), before_rows);
    EXPECT_EQ(files(), before);
}

TEST_F(AttachmentUpload, OverTheLimitIs413AndLeavesNothing) {
    const std::size_t before_rows = rows();
    const auto before = files();
    // Refused by its length, before a byte is read ...
    auto r = upload("gross.bin", pattern(kLimit + 200 * 1024));
    EXPECT_EQ(r.status, 413) << r.body;
    EXPECT_EQ(error_code(r), "file_too_large");
    EXPECT_EQ(r.json()->getObject("error")->getValue<std::string>("field"), "file");
    // ... and, when the body's length allows it, as the file passes the limit.
    r = upload("knapp.bin", pattern(kLimit + 1));
    EXPECT_EQ(r.status, 413) << r.body;
    EXPECT_EQ(error_code(r), "file_too_large");
    EXPECT_EQ(r.header("Content-Type"), "application/json; charset=utf-8");
    // Exactly the limit is fine.
    r = upload("genau.bin", pattern(kLimit));
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(rows(), before_rows + 1);
    EXPECT_EQ(files().size(), before.size() + 1);
}

TEST_F(AttachmentUpload, UploadCutOffMidBodyLeavesNoFileAndNoRow) {
    const std::size_t before_rows = rows();
    const auto before = files();
    const std::string body = multipart("abgebrochen.pdf", pattern(2 << 20));
    const auto during = upload_cut_off(body, body.size() / 2);
    ASSERT_EQ(during.size(), before.size() + 1) << "the partial file while the body arrives";
    // The host notices the closed connection, drops the partial file and writes no row.
    bool clean = false;
    for (int i = 0; i < 50 && !clean; ++i) {
        clean = files() == before;
        if (!clean)
            std::this_thread::sleep_for(100ms);
    }
    EXPECT_TRUE(clean);
    EXPECT_EQ(rows(), before_rows);
    // The host serves on.
    EXPECT_EQ(upload("danach.txt", "ok").status, 201);
}

TEST_F(AttachmentUpload, CaseOfAnotherOrganisationIsNotFound) {
    const std::string foreign = first_case_of(eva_);
    const std::size_t before_rows =
        eva_.get("/api/cases/" + foreign + "/attachments").json()->getArray("attachments")->size();
    const auto before = files();
    auto r = anna_.post("/api/cases/" + foreign + "/attachments", multipart("x.txt", "x"),
                        kMultipartType);
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(
        r.body,
        anna_.post("/api/cases/999999/attachments", multipart("x.txt", "x"), kMultipartType).body);
    EXPECT_EQ(
        eva_.get("/api/cases/" + foreign + "/attachments").json()->getArray("attachments")->size(),
        before_rows);
    EXPECT_EQ(files(), before);
}

TEST_F(AttachmentUpload, WithoutCsrfTokenIs403AndWithoutSessionIs401) {
    const std::size_t before_rows = rows();
    const auto before = files();
    anna_.forget_csrf();
    auto r = upload("x.txt", "x");
    EXPECT_EQ(r.status, 403);
    EXPECT_EQ(error_code(r), "csrf_failed");
    ApiClient stranger(host_->port());
    r = stranger.post(path(), multipart("x.txt", "x"), kMultipartType);
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(rows(), before_rows);
    EXPECT_EQ(files(), before);
}

TEST_F(AttachmentUpload, OtherRoutesKeepTheSmallBodyLimit) {
    // A JSON route still has its body refused by the front door, before any handler.
    RawClient c("127.0.0.1", static_cast<std::uint16_t>(host_->port()));
    c.send("POST /api/cases/" + case_ +
           "/close HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
           "Content-Length: 2000000\r\n\r\n");
    const std::string refused = c.read_until_close(3s);
    EXPECT_EQ(413, es::net::test::status_of(refused)) << refused;
    EXPECT_NE(std::string::npos, refused.find("\"code\":\"body_too_large\""));
}

}  // namespace
}  // namespace host::test
