// Owner alerts through the real module, loaded as a host loads it: a share created in the dialog
// with "e-mail me when the link is first opened", its link opened on the module's own portal, and
// the alert delivered by the module's worker into the mail spool, addressed to the owner the
// host's directory names. Proves the wiring (dialog → share → portal → alert service → outbox →
// worker), which the portal and store tests check piece by piece.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "module_harness.hpp"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using es::test::CountingHost;
using es::test::ModuleHarness;

class OwnerAlertModule : public ::testing::Test {
  protected:
    // Creates a share of the case through the dialog's action; returns the link's path.
    std::string share_case(bool notify_on_open) {
        return module_.create_share(std::string(R"("notify_on_open":)") +
                                    (notify_on_open ? "true" : "false"));
    }

    // The spooled mails so far, as text.
    std::vector<std::string> mails() {
        std::vector<std::string> out;
        const auto spool = module_.data_directory() / "spool" / "mail";
        if (!fs::exists(spool)) {
            return out;
        }
        for (const auto& entry : fs::directory_iterator(spool)) {
            if (entry.path().extension() == ".eml") {
                std::ifstream in(entry.path());
                std::stringstream text;
                text << in.rdbuf();
                out.push_back(text.str());
            }
        }
        return out;
    }

    std::vector<std::string> mails_after(std::chrono::milliseconds wait, std::size_t at_least) {
        const auto deadline = std::chrono::steady_clock::now() + wait;
        auto found = mails();
        while (found.size() < at_least && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(50ms);
            found = mails();
        }
        return found;
    }

    // Trial started; the acting user is Anna Beispiel <anna@example.org> of the fake directory.
    ModuleHarness module_{"owner-alert", CountingHost::Abi::v1_1};
};

TEST_F(OwnerAlertModule, FirstOpeningMailsTheOwnerOnce) {
    const std::string path = share_case(true);
    ASSERT_EQ(200, module_.get(path).status);
    auto sent = mails_after(10s, 1);
    ASSERT_EQ(1u, sent.size());
    EXPECT_NE(std::string::npos, sent[0].find("anna@example.org"));
    EXPECT_NE(std::string::npos, sent[0].find("Eva Extern"));
    EXPECT_EQ(std::string::npos, sent[0].find(path.substr(3))) << "never the token";

    ASSERT_EQ(200, module_.get(path).status);
    EXPECT_EQ(1u, mails_after(3s, 2).size()) << "the second opening is not news";
}

TEST_F(OwnerAlertModule, WithoutTheOptionNothingIsSent) {
    const std::string path = share_case(false);
    ASSERT_EQ(200, module_.get(path).status);
    // Longer than the worker's poll (2 s): a queued message would have left by now.
    EXPECT_TRUE(mails_after(3s, 1).empty());
}

}  // namespace
