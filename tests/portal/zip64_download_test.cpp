// A zip beyond 4 GiB through the portal, checked by Info-ZIP: zip64 sizes, offsets and end
// records. The attachment is a sparse file, so making it costs nothing.
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "portal_fixture.hpp"
#include "zip_test_support.hpp"

namespace es::portal::test {
namespace {

class Zip64DownloadTest : public PortalTest {};

TEST_F(Zip64DownloadTest, ZipBeyondFourGibPassesUnzipTest) {
    const std::uint64_t big = (4ull << 30) + 12345;
    FakeCase c;
    c.organisation_id = "org-1";
    c.attachments = {
        {"big", "big.bin", write_sparse_file("big", big), "application/octet-stream", "", ""},
        {"h1", "after-the-big-one.txt", write_file("h1", "tail"), "text/plain", "", ""},
    };
    host_.put_case("case-1", c);
    const auto share = create_share();
    const std::string zip = dir_ + "/all.zip";
    const auto started = std::chrono::steady_clock::now();
    const std::string code =
        shell("curl -s -o " + zip +
              " -w '%{http_code} %{time_starttransfer} %{time_total}' http://127.0.0.1:" +
              std::to_string(port()) + share.path() + "/all.zip");
    EXPECT_EQ(0u, code.rfind("200 ", 0)) << code;
    // Streamed, not built first: the first byte comes long before the last. (A ratio, not a time:
    // a busy machine slows both alike.)
    double first_byte = 0;
    double total = 0;
    ASSERT_EQ(2, std::sscanf(code.c_str() + 4, "%lf %lf", &first_byte, &total)) << code;
    EXPECT_LT(first_byte, total / 20) << "first byte early in the transfer: " << code;
    struct stat st {};
    ASSERT_EQ(0, ::stat(zip.c_str(), &st));
    EXPECT_GT(static_cast<std::uint64_t>(st.st_size), big);
    const std::string test = shell("unzip -t " + zip + " 2>&1");
    EXPECT_NE(std::string::npos, test.find("No errors detected")) << test;
    EXPECT_NE(std::string::npos, test.find("after-the-big-one.txt")) << test;
    EXPECT_EQ("tail", shell("unzip -p " + zip + " after-the-big-one.txt"));
    std::remove(zip.c_str());
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(240))
        << "sparse input: the time is loopback and disk";
}

}  // namespace
}  // namespace es::portal::test
