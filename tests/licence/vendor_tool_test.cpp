// es-licence end to end: keygen → sign → inspect → the plugin's verifier accepts the key.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "licence/licence_verifier.hpp"
#include "support/licence_world.hpp"

namespace es::licence {
namespace {

struct ToolRun {
    int status = -1;
    std::string out;
};

ToolRun run(const std::string& arguments) {
    ToolRun r;
    FILE* pipe = popen((std::string(ES_LICENCE_TOOL) + " " + arguments + " 2>&1").c_str(), "r");
    if (pipe == nullptr) {
        return r;
    }
    std::array<char, 4096> buffer{};
    while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) {
        r.out.append(buffer.data(), n);
    }
    const int raw = pclose(pipe);
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return r;
}

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

TEST(VendorTool, KeygenSignInspectAndThePluginAccepts) {
    testing::TempDir dir;
    const std::string prefix = (dir.path() / "vendor").string();
    ASSERT_EQ(run("keygen --out " + prefix).status, 0);
    struct stat st {};
    ASSERT_EQ(stat((prefix + ".pem").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);  // the private key is for the vendor only

    ToolRun signed_key =
        run("sign --key " + prefix + ".pem --kid vendor-2026 --org org-7 --plan pro_plus" +
            " --seats 40 --from 2026-01-01 --until 2027-01-01 --id L-7");
    ASSERT_EQ(signed_key.status, 0) << signed_key.out;
    const std::string key = signed_key.out.substr(0, signed_key.out.find('\n'));

    ToolRun inspected = run("inspect " + key + " --pub " + prefix + ".pub.pem");
    EXPECT_EQ(inspected.status, 0) << inspected.out;
    EXPECT_NE(inspected.out.find("\"sub\": \"org-7\""), std::string::npos) << inspected.out;
    EXPECT_NE(inspected.out.find("signature: valid"), std::string::npos);

    const LicenceVerifier verifier({{"vendor-2026", read(prefix + ".pub.pem")}});
    const domain::Licence licence = verifier.verify(key, "org-7", testing::at("2026-06-01"));
    EXPECT_EQ(licence.plan, domain::Plan::ProPlus);
    EXPECT_EQ(licence.seats, 40);
    EXPECT_EQ(licence.licence_id, "L-7");
}

TEST(VendorTool, InspectReportsABadSignature) {
    testing::TempDir dir;
    const std::string a = (dir.path() / "a").string();
    const std::string b = (dir.path() / "b").string();
    ASSERT_EQ(run("keygen --out " + a).status, 0);
    ASSERT_EQ(run("keygen --out " + b).status, 0);
    ToolRun signed_key = run("sign --key " + a + ".pem --kid k --org o --plan module --seats 1" +
                             " --from 2026-01-01 --until 2026-02-01");
    ASSERT_EQ(signed_key.status, 0);
    const std::string key = signed_key.out.substr(0, signed_key.out.find('\n'));
    ToolRun inspected = run("inspect " + key + " --pub " + b + ".pub.pem");
    EXPECT_EQ(inspected.status, 1);
    EXPECT_NE(inspected.out.find("signature: INVALID"), std::string::npos);
}

TEST(VendorTool, KeygenNeverOverwritesAVendorKey) {
    testing::TempDir dir;
    const std::string prefix = (dir.path() / "vendor").string();
    ASSERT_EQ(run("keygen --out " + prefix).status, 0);
    const std::string before = read(prefix + ".pem");
    EXPECT_NE(run("keygen --out " + prefix).status, 0);
    EXPECT_EQ(run("keygen --out " + prefix + " --if-missing").status, 0);
    EXPECT_EQ(read(prefix + ".pem"), before);
}

TEST(VendorTool, SignRefusesAnUnknownPlan) {
    ToolRun r =
        run("sign --key /nonexistent --kid k --org o --plan gold --seats 1 --from 2026-01-01 "
            "--until 2026-02-01");
    EXPECT_EQ(r.status, 2);
    EXPECT_NE(r.out.find("gold"), std::string::npos);
}

}  // namespace
}  // namespace es::licence
