// Privacy by default, through the real module: until an organisation activates External Sharing,
// its users get no share action, the column stays empty and the panel explains how to activate;
// after the trial starts all of it appears, and deactivation takes it away again at once.
#include <gtest/gtest.h>

#include <string>

#include "fake_host.hpp"
#include "module_harness.hpp"

namespace {

using es::test::CountingHost;
using es::test::ModuleHarness;

class LicenceEnforcement : public ::testing::Test {
  protected:
    bool offers_share_action() {
        return module_.contributions().find("external-sharing.share") != std::string::npos;
    }
    std::string admin(const std::string& action, const std::string& payload = "{}") {
        return module_.invoke("external-sharing.admin." + action, payload, "");
    }

    // The organisation admin of the fake directory; the organisation has not activated anything.
    ModuleHarness module_{"licence", CountingHost::Abi::v1_1, "en", false};
};

TEST_F(LicenceEnforcement, NewOrganisationHasNoShareActionEmptyColumnAndAnExplainingPanel) {
    EXPECT_FALSE(offers_share_action());
    EXPECT_EQ(module_.column(), "[null,null]");
    EXPECT_NE(module_.panel().find("not activated"), std::string::npos) << module_.panel();
    EXPECT_THROW(module_.invoke("external-sharing.share", "{}"), dm::Error);
}

TEST_F(LicenceEnforcement, TrialTurnsOnActionPanelAndColumn) {
    admin("start-trial");
    EXPECT_TRUE(offers_share_action());
    EXPECT_EQ(module_.panel().find("not activated"), std::string::npos);
    module_.create_share();
    EXPECT_NE(module_.column().find("\"icon\""), std::string::npos) << module_.column();
}

TEST_F(LicenceEnforcement, DeactivationHidesEverythingAndReactivationBringsLinksBack) {
    admin("start-trial");
    module_.create_share();
    admin("deactivate", R"({"confirm":true})");
    EXPECT_FALSE(offers_share_action());
    EXPECT_EQ(module_.column(), "[null,null]");
    EXPECT_NE(module_.panel().find("not activated"), std::string::npos);
    admin("reactivate");
    EXPECT_TRUE(offers_share_action());
    // Nothing was deleted: the link made before the deactivation is active again.
    EXPECT_NE(module_.column().find("\"icon\""), std::string::npos) << module_.column();
}

}  // namespace
