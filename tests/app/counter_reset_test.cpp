// The owner's way out when others held the link back: once the share's codes for the hour are used
// up, the owner's External Sharing panel offers "Reset counters", which lets the recipient ask for
// a code at once. Through the real caseworker desk and share service against the running portal.
#include "app/caseworker_desk.hpp"
#include "app/host_case_access.hpp"
#include "app/share_service.hpp"
#include "domain/error.hpp"
#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

class CounterResetTest : public PortalTest {
  protected:
    void SetUp() override {
        PortalTest::SetUp();
        cases_ = std::make_unique<app::HostCaseAccess>(host_adapter_);
        shares_ = std::make_unique<app::ShareService>(*store_, *cases_, *box_, *hasher_,
                                                      settings_.policy, "http://127.0.0.1");
        desk_ = std::make_unique<app::CaseworkerDesk>(
            app::CaseworkerPorts{host_adapter_, *shares_, *store_,
                                 [](const std::string&, const std::string&, const std::string&) {
                                     return std::string("http://127.0.0.1/p/x");
                                 },
                                 [](const std::string&) { return true; },
                                 [](const std::string&) { return true; }, [] {}, nullptr});
    }
    void TearDown() override {
        desk_.reset();
        shares_.reset();
        cases_.reset();
        PortalTest::TearDown();
    }

    // Asks for codes from one address after another until the share's hourly limit refuses one.
    void use_up_the_codes(const CreatedShare& share) {
        for (int address = 1; address < 100; ++address) {
            Browser b(port());
            b.ip = "198.51.100." + std::to_string(address);
            const std::string csrf = Browser::csrf_of(b.get(share.path()).body);
            for (int i = 0; i < settings_.policy.defaults.code_sends_per_address_per_hour; ++i) {
                if (b.post(share.path() + "/code/send", {{"csrf", csrf}}).status == 429) {
                    return;
                }
            }
        }
        FAIL() << "the share's code limit never refused";
    }

    int recipient_code_send(const CreatedShare& share) {
        Browser recipient(port());
        recipient.ip = "203.0.113.5";
        const std::string csrf = Browser::csrf_of(recipient.get(share.path()).body);
        return recipient.post(share.path() + "/code/send", {{"csrf", csrf}}).status;
    }

    std::unique_ptr<app::HostCaseAccess> cases_;
    std::unique_ptr<app::ShareService> shares_;
    std::unique_ptr<app::CaseworkerDesk> desk_;
    domain::Actor owner_{"org-1", "u1", domain::Language::En};
};

TEST_F(CounterResetTest, OwnerResetsTheCountersFromThePanelAndTheRecipientGetsACode) {
    const auto share = create_share({.protection = domain::Protection::Code,
                                     .phone = "+41791234567",
                                     .email = "max.muster@example.org"});
    use_up_the_codes(share);
    ASSERT_EQ(1u, outbox_rows(share, "owner_code_limit").size()) << "the owner was told";
    EXPECT_EQ(429, recipient_code_send(share));

    const std::string panel = desk_->render_panel(owner_, "case-1");
    EXPECT_NE(std::string::npos, panel.find("\"external-sharing.reset-counters\"")) << panel;
    EXPECT_NE(std::string::npos, panel.find("Reset counters"));
    const std::string result = desk_->invoke(owner_, "external-sharing.reset-counters", "case-1",
                                             "{\"share_id\":\"" + share.id + "\"}");
    EXPECT_NE(std::string::npos, result.find("counters were reset")) << result;

    EXPECT_EQ(303, recipient_code_send(share)) << "the recipient gets a code at once";
    bool audited = false;
    for (const auto& e : store_->audit().for_share("org-1", share.id, {0, 50})) {
        audited |= e.action == "share.reset_counters" && e.actor == "u1";
    }
    EXPECT_TRUE(audited);
    // The next exhaustion is reported again.
    use_up_the_codes(share);
    EXPECT_EQ(2u, outbox_rows(share, "owner_code_limit").size());
}

TEST_F(CounterResetTest, OnlyUsersWhoMayAccessTheCaseCanReset) {
    const auto share = create_share({.protection = domain::Protection::Code,
                                     .phone = "+41791234567",
                                     .email = "max.muster@example.org"});
    use_up_the_codes(share);
    const domain::Actor stranger{"org-2", "u9", domain::Language::En};
    const std::string payload = "{\"share_id\":\"" + share.id + "\"}";
    EXPECT_THROW(desk_->invoke(stranger, "external-sharing.reset-counters", "case-1", payload),
                 domain::Error);
    // Their own case does not reach another organisation's share either.
    EXPECT_THROW(desk_->invoke(stranger, "external-sharing.reset-counters", "case-2", payload),
                 domain::Error);
    EXPECT_EQ(429, recipient_code_send(share)) << "nothing was reset";
    // The owner may.
    desk_->invoke(owner_, "external-sharing.reset-counters", "case-1", payload);
    EXPECT_EQ(303, recipient_code_send(share));
}

TEST_F(CounterResetTest, OnlyProtectedLinksOfferTheReset) {
    create_share();
    create_share({.protection = domain::Protection::Password, .password = "correct horse"});
    const std::string panel = desk_->render_panel(owner_, "case-1");
    std::size_t offered = 0;
    for (auto at = panel.find("\"external-sharing.reset-counters\""); at != std::string::npos;
         at = panel.find("\"external-sharing.reset-counters\"", at + 1)) {
        ++offered;
    }
    EXPECT_EQ(1u, offered) << "on the password-protected link only: " << panel;
}

}  // namespace
}  // namespace es::portal::test
