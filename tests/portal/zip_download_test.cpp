// "Download all": a streamed zip with exactly the visible attachments and a printable summary.
#include <fstream>

#include "portal_fixture.hpp"
#include "zip_test_support.hpp"

namespace es::portal::test {
namespace {

class ZipDownloadTest : public PortalTest {
  protected:
    std::string download_zip(const CreatedShare& share) {
        const auto r = http_request(port(), "GET", share.path() + "/all.zip");
        EXPECT_EQ(200, r.status);
        EXPECT_EQ("application/zip", r.header("Content-Type"));
        EXPECT_EQ(std::to_string(r.body.size()), r.header("Content-Length"));
        const std::string path = dir_ + "/download.zip";
        std::ofstream(path, std::ios::binary) << r.body;
        return path;
    }
};

TEST_F(ZipDownloadTest, ContainsExactlyTheVisibleAttachmentsAndASummary) {
    const auto share = create_share();
    const auto zip = download_zip(share);
    EXPECT_NE(std::string::npos, shell("unzip -t " + zip + " 2>&1").find("No errors detected"));
    const std::string names = shell("unzip -Z1 " + zip);
    EXPECT_NE(std::string::npos, names.find("hello.txt\n"));
    EXPECT_NE(std::string::npos, names.find("data.bin\n"));
    EXPECT_NE(std::string::npos, names.find("Übersicht.html")) << names;
    EXPECT_EQ(std::string::npos, names.find("secret-plan")) << names;
    EXPECT_EQ(std::string::npos, names.find("later.txt")) << names;
    EXPECT_EQ(a1_content_, shell("unzip -p " + zip + " hello.txt"));
    const std::string summary = shell("unzip -p " + zip + " '*.html'");
    EXPECT_NE(std::string::npos, summary.find("zweite Zeile"));
    EXPECT_NE(std::string::npos, summary.find("@media print"));
    EXPECT_EQ(std::string::npos, summary.find("TOPSECRET"));
    EXPECT_EQ(std::string::npos, summary.find("<script"));
    EXPECT_EQ(std::string::npos, summary.find("http"));
}

TEST_F(ZipDownloadTest, DuplicateAndHostileNamesBecomeUniqueAndSafe) {
    put_case_files({
        {"h1", "same.txt", "one"},
        {"h2", "SAME.txt", "two"},
        {"h3", "../../evil\u202Etxt.sh", "three"},
    });
    const auto zip = download_zip(create_share());
    const std::string names = shell("unzip -Z1 " + zip);
    EXPECT_NE(std::string::npos, names.find("same.txt\n"));
    EXPECT_NE(std::string::npos, names.find("SAME (2).txt\n")) << names;
    EXPECT_NE(std::string::npos, names.find("_.._eviltxt.sh\n")) << names;
    EXPECT_EQ(std::string::npos, names.find("../")) << names;
}

TEST_F(ZipDownloadTest, HeadAnnouncesTheLengthWithoutCounting) {
    const auto share = create_share({.download_limit = 1});
    const auto head = http_request(port(), "HEAD", share.path() + "/all.zip");
    EXPECT_EQ(200, head.status);
    EXPECT_TRUE(head.body.empty());
    const auto get = http_request(port(), "GET", share.path() + "/all.zip");
    EXPECT_EQ(head.header("Content-Length"), get.header("Content-Length"));
    EXPECT_EQ(403, http_request(port(), "GET", share.path() + "/all.zip").status)
        << "the zip counted as the one allowed download";
}

TEST_F(ZipDownloadTest, AccessLogRecordsDownloads) {
    const auto share = create_share();
    http_request(port(), "GET", share.path() + "/all.zip");
    http_request(port(), "GET", share.path() + "/files/a1");
    bool zip = false, single = false;
    for (const auto& e : access_events(share)) {
        zip |= e.action == "download_all" && e.outcome == "ok";
        single |= e.action == "download" && e.item_id == "a1" && e.outcome == "ok";
    }
    EXPECT_TRUE(zip);
    EXPECT_TRUE(single);
}

}  // namespace
}  // namespace es::portal::test
