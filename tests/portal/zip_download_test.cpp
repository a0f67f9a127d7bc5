// "Download all": a streamed zip with exactly the visible attachments and a printable summary.
#include <algorithm>
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

// A name the host has with marks that draw nothing but reorder what follows (U+202E) or hide
// (U+200B) reads the same everywhere the recipient meets it: the page, the print view, the
// zip's entry and its summary all show what the download is called, never "Rechnungexe.jpg". And
// an upload named like the summary in another case or normalisation does not overwrite it.
TEST_F(ZipDownloadTest, NamesReadAsTheyAreOnEveryPageAndNoEntryLandsOnAnother) {
    put_case_files({
        {"h1", "Rechnung\u202Egpj.exe", "one"},
        {"h2", "in\u200Bvoice.pdf", "two"},
        {"h3", "fall 2026-17 – u\u0308bersicht.html", "three"},
    });
    const auto share = create_share();
    for (const std::string& page : {share.path(), share.path() + "/print"}) {
        const auto body = http_request(port(), "GET", page).body;
        EXPECT_NE(std::string::npos, body.find(">Rechnunggpj.exe")) << page;
        EXPECT_NE(std::string::npos, body.find("invoice.pdf")) << page;
        EXPECT_EQ(std::string::npos, body.find("\u202E")) << page;
        EXPECT_EQ(std::string::npos, body.find("\u200B")) << page;
    }
    const auto zip = download_zip(share);
    const std::string names = shell("unzip -Z1 " + zip);
    EXPECT_NE(std::string::npos, names.find("Rechnunggpj.exe\n")) << names;
    const std::string summary = shell("unzip -p " + zip + " 'Fall 2026-17 – Übersicht.html'");
    EXPECT_NE(std::string::npos, summary.find(">Rechnunggpj.exe<")) << summary;
    EXPECT_EQ(std::string::npos, summary.find("\u202E"));
    // The summary keeps its name; the upload named like it, in lower case and decomposed, is
    // written in NFC and numbered.
    EXPECT_NE(std::string::npos, names.find("Fall 2026-17 – Übersicht.html\n")) << names;
    EXPECT_NE(std::string::npos, names.find("fall 2026-17 – übersicht (2).html\n")) << names;
    EXPECT_EQ("three", shell("unzip -p " + zip + " 'fall 2026-17 – übersicht (2).html'"));
    EXPECT_EQ(4u, static_cast<std::size_t>(std::count(names.begin(), names.end(), '\n'))) << names;
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
