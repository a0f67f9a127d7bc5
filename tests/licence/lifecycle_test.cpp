// The pure state machine: no store, no keys, a hand-set time.
#include <gtest/gtest.h>

#include "licence/licence_lifecycle.hpp"
#include "licence/transition_refused.hpp"
#include "support/manual_clock.hpp"

namespace es::licence {
namespace {

using testing::at;
using testing::days;

class LifecycleTest : public ::testing::Test {
  protected:
    LifecycleTest() : lifecycle(settings()) { record.organisation_id = "org-1"; }

    static config::LicensingSettings settings() {
        config::LicensingSettings s;
        s.trial_days = 30;
        s.seat_grace_days = 14;
        return s;
    }

    domain::Licence licence(std::int64_t seats, domain::Timestamp from,
                            domain::Timestamp until) const {
        domain::Licence l;
        l.licence_id = "L-1";
        l.organisation_id = "org-1";
        l.seats = seats;
        l.valid_from = from;
        l.valid_until = until;
        return l;
    }

    LicenceLifecycle lifecycle;
    domain::OrganisationLicence record;
    domain::Timestamp t0 = at("2026-03-01T09:00:00Z");
};

TEST_F(LifecycleTest, EveryOrganisationStartsNotActivated) {
    EXPECT_EQ(lifecycle.state(record, t0), LicenceState::NotActivated);
    EXPECT_FALSE(is_active_state(lifecycle.state(record, t0)));
}

TEST_F(LifecycleTest, TrialLastsExactlyTheConfiguredDays) {
    const auto trial = lifecycle.start_trial(record, t0);
    EXPECT_EQ(lifecycle.state(trial, t0), LicenceState::Trial);
    EXPECT_EQ(lifecycle.state(trial, t0 + days(30) - std::chrono::milliseconds(1)),
              LicenceState::Trial);
    EXPECT_EQ(lifecycle.state(trial, t0 + days(30)), LicenceState::Expired);
}

TEST_F(LifecycleTest, SecondTrialIsRefusedEvenAfterItEnded) {
    const auto trial = lifecycle.start_trial(record, t0);
    EXPECT_THROW(lifecycle.start_trial(trial, t0 + days(1)), TransitionRefused);
    EXPECT_THROW(lifecycle.start_trial(trial, t0 + days(90)), TransitionRefused);
}

TEST_F(LifecycleTest, LicenceInForceMakesLicensedAndEndsAtExpiry) {
    const auto licensed =
        lifecycle.accept_licence(record, licence(10, t0, t0 + days(365)), "k", t0);
    EXPECT_EQ(lifecycle.state(licensed, t0), LicenceState::Licensed);
    EXPECT_EQ(lifecycle.state(licensed, t0 + days(365)), LicenceState::Expired);
}

TEST_F(LifecycleTest, DeactivatedBehavesAsNotActiveAndReactivatesToTheStateUnderneath) {
    const auto trial = lifecycle.start_trial(record, t0);
    const auto off = lifecycle.deactivate(trial, t0 + days(1));
    EXPECT_EQ(lifecycle.state(off, t0 + days(1)), LicenceState::Deactivated);
    EXPECT_FALSE(is_active_state(lifecycle.state(off, t0 + days(1))));
    EXPECT_EQ(lifecycle.state(lifecycle.reactivate(off, t0 + days(2)), t0 + days(2)),
              LicenceState::Trial);
}

TEST_F(LifecycleTest, NothingToDeactivateWhenNotActive) {
    EXPECT_THROW(lifecycle.deactivate(record, t0), TransitionRefused);
}

TEST_F(LifecycleTest, ReactivatingAfterTheTrialEndedIsRefused) {
    const auto off = lifecycle.deactivate(lifecycle.start_trial(record, t0), t0);
    EXPECT_THROW(lifecycle.reactivate(off, t0 + days(31)), TransitionRefused);
}

TEST_F(LifecycleTest, TrialHasNoSeatLimit) {
    const auto trial = lifecycle.start_trial(record, t0);
    const SeatUsage usage = lifecycle.seats(trial, t0, 1000);
    EXPECT_FALSE(usage.licensed.has_value());
    EXPECT_FALSE(usage.exceeded);
}

TEST_F(LifecycleTest, SeatExcessGetsGraceFromWhenItWasFirstSeen) {
    auto licensed = lifecycle.accept_licence(record, licence(3, t0, t0 + days(365)), "k", t0);
    EXPECT_FALSE(lifecycle.seats(licensed, t0, 3).exceeded);
    const auto marked = lifecycle.observe_seats(licensed, t0 + days(1), 4);
    ASSERT_TRUE(marked.has_value());
    const SeatUsage usage = lifecycle.seats(*marked, t0 + days(10), 4);
    EXPECT_TRUE(usage.exceeded);
    EXPECT_EQ(*usage.grace_until, t0 + days(15));
    EXPECT_FALSE(usage.grace_over);
    EXPECT_TRUE(lifecycle.seats(*marked, t0 + days(15), 4).grace_over);
    // Back within the seats: the marker is cleared.
    const auto cleared = lifecycle.observe_seats(*marked, t0 + days(16), 3);
    ASSERT_TRUE(cleared.has_value());
    EXPECT_FALSE(cleared->seats_exceeded_since.has_value());
}

}  // namespace
}  // namespace es::licence
