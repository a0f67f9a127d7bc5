// The maintenance job on a real (SQLite) store: a round purges and refreshes, the thread repeats
// at its interval, stops at once when asked, and survives a failing step. What each purge deletes
// is proven on both backends by the contract suites; this is about the job around them.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "app/maintenance_job.hpp"
#include "share_world.hpp"

namespace es::test {
namespace {

using namespace std::chrono_literals;
using app::MaintenanceJob;

class MaintenanceJobTest : public ShareWorld<Sqlite> {
  protected:
    MaintenanceJob::Log recorder() {
        return [this](MaintenanceJob::LogLevel level, const std::string& text) {
            std::lock_guard lock(mutex);
            (level == MaintenanceJob::LogLevel::Error ? errors : infos).push_back(text);
        };
    }
    std::size_t rounds() {
        std::lock_guard lock(mutex);
        return infos.size();
    }
    void add_event(const domain::Share& share, domain::Timestamp at) {
        store->access_log().append(
            {0, share.id, "org-a", "case-1", at, "::1", "", "view", "", "ok"});
    }

    std::mutex mutex;
    std::vector<std::string> infos;
    std::vector<std::string> errors;
};

TEST_F(MaintenanceJobTest, RoundPurgesPastRetentionAndRefreshesLapsedSummaries) {
    const auto share = service->create(alice, request()).share;
    const auto now = store->database_now();
    add_event(share, now - std::chrono::hours(24 * 40));
    add_event(share, now - std::chrono::hours(24 * 20));
    store->sessions().create({"idle", share.id, {}, {}, 0, false, false});
    backend->exec("UPDATE portal_sessions SET last_seen_at = last_seen_at - 7200000");
    ASSERT_TRUE(store->shares().change_expiry("org-a", share.id, now + 300ms,
                                              {0, "org-a", "case-1", "", "alice", {}, "x", "{}"}));
    std::this_thread::sleep_for(400ms);

    MaintenanceJob::Options options;
    options.access_log_retention_days = 30;
    MaintenanceJob job(*store, options, recorder());
    const auto report = job.run_once();
    EXPECT_EQ(report.access_events, 1);
    EXPECT_EQ(report.sessions, 1);
    EXPECT_EQ(report.summaries, 1);
    EXPECT_EQ(report.failed_steps, 0);
    EXPECT_EQ(backend->count("access_events"), 1);
    ASSERT_EQ(infos.size(), 1u);
    EXPECT_NE(infos[0].find("deleted 1 access event(s) older than 30 days"), std::string::npos)
        << infos[0];
    EXPECT_TRUE(errors.empty());
    // Nothing left to do: the next round finds nothing.
    const auto again = job.run_once();
    EXPECT_EQ(again.access_events + again.sessions + again.summaries, 0);
}

TEST_F(MaintenanceJobTest, AccessLogIsPurgedInBatchesUntilNothingIsPastRetention) {
    const auto share = service->create(alice, request()).share;
    const auto now = store->database_now();
    for (int i = 0; i < 5; ++i) {
        add_event(share, now - std::chrono::hours(24 * (400 + i)));
    }
    add_event(share, now);
    MaintenanceJob::Options options;
    options.access_log_batch = 2;
    MaintenanceJob job(*store, options, recorder());
    EXPECT_EQ(job.run_once().access_events, 5);
    EXPECT_EQ(backend->count("access_events"), 1);
}

TEST_F(MaintenanceJobTest, ThreadRunsAtOnceAndThenEveryInterval) {
    MaintenanceJob::Options options;
    options.interval = 50ms;
    MaintenanceJob job(*store, options, recorder());
    job.start();
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (rounds() < 3 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(10ms);
    }
    job.stop();
    EXPECT_GE(rounds(), 3u);
    const auto after_stop = rounds();
    std::this_thread::sleep_for(200ms);
    EXPECT_EQ(rounds(), after_stop) << "no round after stop()";
}

TEST_F(MaintenanceJobTest, StopEndsTheWaitAtOnce) {
    MaintenanceJob::Options options;
    options.interval = std::chrono::hours(1);
    MaintenanceJob job(*store, options, recorder());
    job.start();
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (rounds() < 1 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(5ms);
    }
    ASSERT_EQ(rounds(), 1u);
    const auto asked = std::chrono::steady_clock::now();
    job.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - asked, 500ms);
}

TEST_F(MaintenanceJobTest, FailingStepIsLoggedAndTheOtherStepsStillRun) {
    const auto share = service->create(alice, request()).share;
    add_event(share, store->database_now() - std::chrono::hours(24 * 400));
    backend->exec("DROP TABLE throttle");
    MaintenanceJob job(*store, MaintenanceJob::Options{}, recorder());
    const auto report = job.run_once();
    EXPECT_EQ(report.failed_steps, 1);
    EXPECT_EQ(report.access_events, 1);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_NE(errors[0].find("purging throttle rows failed"), std::string::npos) << errors[0];
    // The next round tries again (and here fails again, without ending the job).
    EXPECT_EQ(job.run_once().failed_steps, 1);
    EXPECT_EQ(errors.size(), 2u);
}

}  // namespace
}  // namespace es::test
