// Owner alerts through the real module, loaded as a host loads it: a share created in the dialog
// with "e-mail me when the link is first opened", its link opened on the module's own portal, and
// the alert delivered by the module's worker into the mail spool, addressed to the owner the
// host's directory names. Proves the wiring (dialog → share → portal → alert service → outbox →
// worker), which the portal and store tests check piece by piece.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include <dm/cpp/plugin_handle.hpp>

#include "fake_host.hpp"
#include "module_harness.hpp"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using es::test::free_port;
using es::test::load_entry;

// The status code of a plain HTTP/1.0 GET to 127.0.0.1:port; 0 when the request failed.
int http_get_status(int port, const std::string& path) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        return 0;
    }
    const std::string request = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
    if (::write(fd, request.data(), request.size()) != static_cast<ssize_t>(request.size())) {
        ::close(fd);
        return 0;
    }
    std::string response;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) {
        response.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return response.rfind("HTTP/1.", 0) == 0 ? std::stoi(response.substr(9, 3)) : 0;
}

class OwnerAlertModule : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("es-plugin-alert-test-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        port_ = free_port();
        std::ofstream(dir_ / "es.yaml")
            << "storage:\n  sqlite:\n    path: es.db\n"
               "crypto:\n  key_file: keys\n"
               "  create_missing_key_file: true\n"
               "  argon2:\n    memory_kib: 8192\n    iterations: 1\n"
               "portal:\n  enabled: true\n  listen_address: 127.0.0.1\n  port: "
            << port_ << "\n  public_url: http://127.0.0.1:" << port_
            << "\nnotify:\n  spool_directory: spool\n";
        host_ = std::make_unique<dm_check::FakeHost>(dir_.string());
        config_ = (dir_ / "es.yaml").string();
        data_ = dir_.string();
        dm_init_args args{sizeof(dm_init_args), host_->host(), dm::to_dm(config_),
                          dm::to_dm(data_)};
        plugin_ = std::make_unique<dm::StartedPlugin>(load_entry(), args);
        ctx_.organisation_id = dm_check::kOrganisation;
        ctx_.user_id = dm_check::kUser;  // Anna Beispiel <anna@example.org> in the fake directory
        ctx_.locale = "en";
        plugin_->ui().invoke_action(ctx_, "external-sharing.admin.start-trial", "", "{}");
    }

    void TearDown() override {
        plugin_.reset();
        host_.reset();
        fs::remove_all(dir_);
    }

    // Creates a share of the case through the dialog's action; returns the link's path.
    std::string share_case(bool notify_on_open) {
        const std::string result = plugin_->ui().invoke_action(
            ctx_, "external-sharing.create", dm_check::kCase,
            std::string(R"({"protection":"none","recipient_name":"Eva Extern",)") +
                R"("recipient_email":"","recipient_phone":"","notify_on_open":)" +
                (notify_on_open ? "true" : "false") +
                R"(,"selection":{"details":{"included":true,"items":["parcel"]}}})");
        const auto at = result.find("/s/");
        EXPECT_NE(at, std::string::npos) << result;
        if (at == std::string::npos) {
            return "";
        }
        return result.substr(at, result.find('"', at) - at);
    }

    // The spooled mails so far, as text.
    std::vector<std::string> mails() {
        std::vector<std::string> out;
        const auto spool = dir_ / "spool" / "mail";
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

    fs::path dir_;
    int port_ = 0;
    std::string config_, data_;
    std::unique_ptr<dm_check::FakeHost> host_;
    std::unique_ptr<dm::StartedPlugin> plugin_;
    dm::Context ctx_;
};

TEST_F(OwnerAlertModule, FirstOpeningMailsTheOwnerOnce) {
    const std::string path = share_case(true);
    ASSERT_EQ(200, http_get_status(port_, path));
    auto sent = mails_after(10s, 1);
    ASSERT_EQ(1u, sent.size());
    EXPECT_NE(std::string::npos, sent[0].find("anna@example.org"));
    EXPECT_NE(std::string::npos, sent[0].find("Eva Extern"));
    EXPECT_EQ(std::string::npos, sent[0].find(path.substr(3))) << "never the token";

    ASSERT_EQ(200, http_get_status(port_, path));
    EXPECT_EQ(1u, mails_after(3s, 2).size()) << "the second opening is not news";
}

TEST_F(OwnerAlertModule, WithoutTheOptionNothingIsSent) {
    const std::string path = share_case(false);
    ASSERT_EQ(200, http_get_status(port_, path));
    // Longer than the worker's poll (2 s): a queued message would have left by now.
    EXPECT_TRUE(mails_after(3s, 1).empty());
}

}  // namespace
