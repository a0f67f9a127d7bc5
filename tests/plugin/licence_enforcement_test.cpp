// Privacy by default, through the real module: until an organisation activates External Sharing,
// its users get no share action, the column stays empty and the panel explains how to activate;
// after the trial starts all of it appears, and deactivation takes it away again at once.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <dm/cpp/plugin_handle.hpp>

#include "fake_host.hpp"
#include "module_harness.hpp"

namespace {

namespace fs = std::filesystem;

using es::test::load_entry;

class LicenceEnforcement : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("es-plugin-test-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        std::ofstream(dir_ / "es.yaml") << "storage:\n  sqlite:\n    path: es.db\n"
                                           "crypto:\n  key_file: keys\n"
                                           "  create_missing_key_file: true\n"
                                           "  argon2:\n    memory_kib: 8192\n    iterations: 1\n"
                                           "portal:\n  enabled: false\n"
                                           "notify:\n  spool_directory: spool\n";
        host_ = std::make_unique<dm_check::FakeHost>(dir_.string());
        config_ = (dir_ / "es.yaml").string();
        data_ = dir_.string();
        dm_init_args args{sizeof(dm_init_args), host_->host(), dm::to_dm(config_),
                          dm::to_dm(data_)};
        plugin_ = std::make_unique<dm::StartedPlugin>(load_entry(), args);
        ctx_.organisation_id = dm_check::kOrganisation;
        ctx_.user_id = dm_check::kUser;  // an organisation admin in the fake directory
        ctx_.locale = "en";
    }

    void TearDown() override {
        plugin_.reset();
        host_.reset();
        fs::remove_all(dir_);
    }

    bool offers_share_action() {
        return plugin_->ui().contributions(ctx_, dm_check::kCase).find("external-sharing.share") !=
               std::string::npos;
    }
    std::string column() {
        return plugin_->ui().column_values(ctx_, "external-sharing.active-shares",
                                           {dm_check::kCase});
    }
    std::string panel() {
        return plugin_->ui().render_panel(ctx_, "external-sharing.panel", dm_check::kCase);
    }
    std::string admin(const std::string& action, const std::string& payload = "{}") {
        return plugin_->ui().invoke_action(ctx_, "external-sharing.admin." + action, "", payload);
    }
    void share_case() {
        std::string result = plugin_->ui().invoke_action(
            ctx_, "external-sharing.create", dm_check::kCase,
            R"({"protection":"none","recipient_name":"Eva Extern","recipient_email":"",)"
            R"("recipient_phone":"","selection":{"details":{"included":true,"items":["parcel"]}}})");
        ASSERT_NE(result.find("\"url\""), std::string::npos) << result;
    }

    fs::path dir_;
    std::string config_, data_;
    std::unique_ptr<dm_check::FakeHost> host_;
    std::unique_ptr<dm::StartedPlugin> plugin_;
    dm::Context ctx_;
};

TEST_F(LicenceEnforcement, NewOrganisationHasNoShareActionEmptyColumnAndAnExplainingPanel) {
    EXPECT_FALSE(offers_share_action());
    EXPECT_EQ(column(), "[null]");
    EXPECT_NE(panel().find("not activated"), std::string::npos) << panel();
    EXPECT_THROW(plugin_->ui().invoke_action(ctx_, "external-sharing.share", dm_check::kCase, "{}"),
                 dm::Error);
}

TEST_F(LicenceEnforcement, TrialTurnsOnActionPanelAndColumn) {
    admin("start-trial");
    EXPECT_TRUE(offers_share_action());
    EXPECT_EQ(panel().find("not activated"), std::string::npos);
    share_case();
    EXPECT_NE(column().find("\"icon\""), std::string::npos) << column();
}

TEST_F(LicenceEnforcement, DeactivationHidesEverythingAndReactivationBringsLinksBack) {
    admin("start-trial");
    share_case();
    admin("deactivate", R"({"confirm":true})");
    EXPECT_FALSE(offers_share_action());
    EXPECT_EQ(column(), "[null]");
    EXPECT_NE(panel().find("not activated"), std::string::npos);
    admin("reactivate");
    EXPECT_TRUE(offers_share_action());
    // Nothing was deleted: the link made before the deactivation is active again.
    EXPECT_NE(column().find("\"icon\""), std::string::npos) << column();
}

}  // namespace
