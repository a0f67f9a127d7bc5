// LicenceService on a real SQLite store with the store's own migrations.
#include <gtest/gtest.h>

#include "licence/licence_refused.hpp"
#include "licence/transition_refused.hpp"
#include "store/store.hpp"
#include "support/licence_world.hpp"

namespace es::licence {
namespace {

using testing::days;
using testing::LicenceWorld;

class ServiceTest : public ::testing::Test {
  protected:
    LicenceWorld w;
    const std::string org = LicenceWorld::kOrg;
    const std::string admin = LicenceWorld::kAdmin;
    domain::Timestamp now() { return w.clock.now(); }
};

TEST_F(ServiceTest, ModuleIsOffByDefault) {
    EXPECT_FALSE(w.service.is_active(org));
    EXPECT_FALSE(w.service.may_create_shares(org));
    const LicenceStatus s = w.service.status(org);
    EXPECT_EQ(s.state, LicenceState::NotActivated);
    EXPECT_TRUE(s.trial_available);
}

TEST_F(ServiceTest, TrialActivatesAtOnceAndOnlyOnce) {
    w.service.start_trial(org, admin);
    EXPECT_TRUE(w.service.is_active(org));
    EXPECT_FALSE(w.service.status(org).trial_available);
    EXPECT_THROW(w.service.start_trial(org, admin), TransitionRefused);
}

TEST_F(ServiceTest, TrialEndsAfterItsMonthOnTheClock) {
    w.service.start_trial(org, admin);
    w.clock.advance(days(30) - std::chrono::milliseconds(1));
    EXPECT_TRUE(w.service.is_active(org));
    w.clock.advance(std::chrono::milliseconds(1));
    EXPECT_FALSE(w.service.is_active(org));
    EXPECT_EQ(w.service.status(org).state, LicenceState::Expired);
    EXPECT_THROW(w.service.start_trial(org, admin), TransitionRefused);
}

TEST_F(ServiceTest, ValidKeyLicensesTheOrganisation) {
    const LicenceStatus s =
        w.service.enter_licence_key(org, admin, w.key(10, now(), now() + days(365)));
    EXPECT_EQ(s.state, LicenceState::Licensed);
    EXPECT_TRUE(w.service.is_active(org));
    EXPECT_EQ(s.seats.licensed, 10);
    EXPECT_EQ(s.seats.used, 5);
    EXPECT_EQ(s.monthly_total, 5 * 300);
}

TEST_F(ServiceTest, ProPlanIncludesTheModulePrice) {
    const LicenceStatus s = w.service.enter_licence_key(
        org, admin, w.key(10, now(), now() + days(365), domain::Plan::ProPlus));
    EXPECT_TRUE(s.included_in_plan);
    EXPECT_EQ(s.monthly_total, 0);
}

TEST_F(ServiceTest, RenewalAfterExpiryRestoresTheOrganisation) {
    w.service.enter_licence_key(org, admin, w.key(10, now(), now() + days(30)));
    w.clock.advance(days(31));
    EXPECT_FALSE(w.service.is_active(org));
    w.service.enter_licence_key(org, admin, w.key(10, now(), now() + days(365)));
    EXPECT_TRUE(w.service.is_active(org));
}

TEST_F(ServiceTest, DeactivationTakesEffectOnTheNextCallAndReactivationRestores) {
    w.service.start_trial(org, admin);
    w.service.deactivate(org, admin);
    EXPECT_FALSE(w.service.is_active(org));
    EXPECT_EQ(w.service.status(org).state, LicenceState::Deactivated);
    w.service.reactivate(org, admin);
    EXPECT_TRUE(w.service.is_active(org));
}

TEST_F(ServiceTest, AnotherHostProcessSeesDeactivationAtOnce) {
    // A second process on the same database: its own store, pool and service, nothing shared.
    config::StorageSettings settings;
    settings.sqlite_path = (w.dir.path() / "es.db").string();
    auto other_store = store::open_store(settings);
    LicenceService other(other_store->licences(), w.clock, w.verifier, w.settings,
                         [](const std::string&) { return std::int64_t{5}; });
    w.service.start_trial(org, admin);
    EXPECT_TRUE(other.is_active(org));
    w.service.deactivate(org, admin);
    EXPECT_FALSE(other.is_active(org));  // no cache: the very next call
    w.service.reactivate(org, admin);
    EXPECT_TRUE(other.is_active(org));
}

TEST_F(ServiceTest, OrganisationsAreIndependent) {
    w.service.start_trial(org, admin);
    EXPECT_FALSE(w.service.is_active("org-2"));
}

TEST_F(ServiceTest, MoreUsersThanSeatsWarnsAndKeepsWorkingDuringGrace) {
    w.service.enter_licence_key(org, admin, w.key(3, now(), now() + days(365)));
    w.active_users = 4;
    LicenceStatus s = w.service.status(org);
    EXPECT_TRUE(s.seats.exceeded);
    ASSERT_EQ(s.warnings.size(), 1u);
    EXPECT_EQ(s.warnings[0].code, "seats_exceeded");
    EXPECT_EQ(*s.warnings[0].at, now() + days(14));
    EXPECT_TRUE(w.service.may_create_shares(org));
    w.clock.advance(days(13));
    EXPECT_TRUE(w.service.may_create_shares(org));
}

TEST_F(ServiceTest, AfterGraceNewSharesAreBlockedButLinksKeepWorking) {
    w.service.enter_licence_key(org, admin, w.key(3, now(), now() + days(365)));
    w.active_users = 4;
    w.service.status(org);  // the excess is first seen now
    w.clock.advance(days(14));
    EXPECT_FALSE(w.service.may_create_shares(org));
    EXPECT_TRUE(w.service.is_active(org));  // existing links still answer
    const LicenceStatus s = w.service.status(org);
    ASSERT_FALSE(s.warnings.empty());
    EXPECT_EQ(s.warnings.back().code, "seats_grace_over");
    EXPECT_EQ(s.warnings.back().level, LicenceWarning::Level::Error);
}

TEST_F(ServiceTest, KeyWithEnoughSeatsEndsTheExcess) {
    w.service.enter_licence_key(org, admin, w.key(3, now(), now() + days(365)));
    w.active_users = 4;
    w.service.status(org);
    w.clock.advance(days(20));
    ASSERT_FALSE(w.service.may_create_shares(org));
    w.service.enter_licence_key(org, admin, w.key(10, now(), now() + days(365)));
    EXPECT_TRUE(w.service.may_create_shares(org));
    EXPECT_FALSE(w.service.status(org).seats.exceeded);
}

TEST_F(ServiceTest, CaseTypeSwitchOverridesTheConfiguredDefault) {
    EXPECT_TRUE(w.service.case_type_enabled(org, "ct-1", true));
    w.service.set_case_type_enabled(org, admin, "ct-1", false);
    EXPECT_FALSE(w.service.case_type_enabled(org, "ct-1", true));
    EXPECT_TRUE(w.service.case_type_enabled(org, "ct-2", true));
    w.service.set_case_type_enabled(org, admin, "ct-1", true);
    EXPECT_TRUE(w.service.case_type_enabled(org, "ct-1", false));
    // Stored where Policy::resolve reads the organisation's overrides.
    EXPECT_EQ(w.store->organisation_settings().policy_overrides(org, "ct-1").at("enabled"), "true");
}

TEST_F(ServiceTest, EveryStateChangeIsAuditedWithWhoAndFromTo) {
    w.service.start_trial(org, admin);
    w.service.deactivate(org, "user-2");
    const auto trail = w.service.audit_trail(org, 10);
    ASSERT_EQ(trail.size(), 2u);
    EXPECT_EQ(trail[0].action, "licence.deactivated");
    EXPECT_EQ(trail[0].actor, "user-2");
    EXPECT_NE(trail[0].details.find(R"("from":"trial")"), std::string::npos);
    EXPECT_NE(trail[0].details.find(R"("to":"deactivated")"), std::string::npos);
    EXPECT_EQ(trail[1].action, "licence.trial_started");
    EXPECT_EQ(trail[1].actor, admin);
    EXPECT_EQ(trail[1].at, now());
}

// Each refused key leaves the stored record exactly as it was.
class RefusalTest : public ServiceTest, public ::testing::WithParamInterface<int> {};

TEST_P(RefusalTest, RefusedKeyLeavesTheStateUnchanged) {
    w.service.start_trial(org, admin);
    const domain::OrganisationLicence before = w.licences_store.load(org);
    const std::string keys[] = {
        "not a key",
        w.key(10, now() - days(100), now() - days(1)),                       // over
        w.key(10, now() + days(1), now() + days(100)),                       // not yet
        w.key(10, now(), now() + days(100), domain::Plan::Module, "org-2"),  // other organisation
        LicenceSigner(testing::stranger_keys().private_pem, "vendor-1")      // other signer
            .sign(w.verifier.verify(w.key(10, now(), now() + days(9)), org, now())),
    };
    EXPECT_THROW(w.service.enter_licence_key(org, admin, keys[GetParam()]), LicenceRefused);
    EXPECT_EQ(w.licences_store.load(org), before);
    EXPECT_EQ(w.service.status(org).state, LicenceState::Trial);
    EXPECT_EQ(w.service.audit_trail(org, 1).at(0).action, "licence.key_refused");
}

INSTANTIATE_TEST_SUITE_P(EachBadKey, RefusalTest, ::testing::Range(0, 5));

TEST_F(ServiceTest, RefusedTransitionLeavesTheStateUnchanged) {
    const domain::OrganisationLicence before = w.licences_store.load(org);
    EXPECT_THROW(w.service.deactivate(org, admin), TransitionRefused);
    EXPECT_THROW(w.service.reactivate(org, admin), TransitionRefused);
    EXPECT_EQ(w.licences_store.load(org), before);
}

TEST_F(ServiceTest, ConcurrentWriterLosesInsteadOfOverwriting) {
    w.service.start_trial(org, admin);
    domain::OrganisationLicence stale = w.licences_store.load(org);
    w.service.deactivate(org, admin);
    stale.deactivated = false;
    domain::AuditEntry audit;
    audit.organisation_id = org;
    audit.actor = "x";
    audit.at = now();
    audit.action = "licence.test";
    audit.details = "{}";
    EXPECT_FALSE(w.licences_store.save(stale, audit));
    EXPECT_TRUE(w.licences_store.load(org).deactivated);
}

TEST_F(ServiceTest, DatabaseClockFollowsTheDatabase) {
    const auto db = w.licences_store.database_now();
    const auto local = domain::now_utc();
    EXPECT_LT(std::chrono::abs(db - local), std::chrono::seconds(5));
}

}  // namespace
}  // namespace es::licence
