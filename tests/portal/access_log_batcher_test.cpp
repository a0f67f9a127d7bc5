// The access log's group commit: every event stored, each caller back only after its own event is
// committed, concurrent events sharing transactions, the store's error reaching each caller.
#include "portal/access_log_batcher.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "domain/error.hpp"

namespace es::portal {
namespace {

// Records batches in memory; slow enough that requests pile up behind a commit. hold() makes the
// next commits wait until let_go().
class SlowLog : public store::AccessLogRepository {
  public:
    void append(const domain::AccessEvent& e) override { append_all({e}); }
    void append_all(const std::vector<domain::AccessEvent>& events) override {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        {
            std::unique_lock lock(mutex_);
            ++entered_;
            changed_.notify_all();
            changed_.wait(lock, [this] { return !held_; });
        }
        std::lock_guard lock(mutex_);
        if (fail_next_) {
            fail_next_ = false;
            throw domain::Error(domain::Error::Kind::Unavailable, "database away");
        }
        batches_.push_back(events.size());
        writers_.push_back(std::this_thread::get_id());
        for (const auto& e : events) {
            stored_.push_back(e.item_id);
        }
    }
    std::vector<domain::AccessEvent> for_share(const std::string&, const std::string&,
                                               domain::Page) override {
        return {};
    }
    std::vector<domain::AccessEvent> for_case(const std::string&, const std::string&,
                                              domain::Page) override {
        return {};
    }
    std::int64_t purge_older_than(int, std::int64_t) override { return 0; }

    bool stored(const std::string& item) {
        std::lock_guard lock(mutex_);
        return std::find(stored_.begin(), stored_.end(), item) != stored_.end();
    }
    std::size_t stored_count() {
        std::lock_guard lock(mutex_);
        return stored_.size();
    }
    std::size_t batch_count() {
        std::lock_guard lock(mutex_);
        return batches_.size();
    }
    std::vector<std::thread::id> writers() {
        std::lock_guard lock(mutex_);
        return writers_;
    }
    void fail_next() {
        std::lock_guard lock(mutex_);
        fail_next_ = true;
    }
    void hold() {
        std::lock_guard lock(mutex_);
        held_ = true;
    }
    void let_go() {
        std::lock_guard lock(mutex_);
        held_ = false;
        changed_.notify_all();
    }
    // Waits until `n` commits have started in all.
    bool wait_entered(int n) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, std::chrono::seconds(5), [&] { return entered_ >= n; });
    }

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    int entered_ = 0;
    bool held_ = false;
    std::vector<std::string> stored_;
    std::vector<std::size_t> batches_;
    std::vector<std::thread::id> writers_;
    bool fail_next_ = false;
};

domain::AccessEvent event(const std::string& item) {
    domain::AccessEvent e;
    e.share_id = "share-1";
    e.organisation_id = "org-1";
    e.case_id = "case-1";
    e.action = "view";
    e.item_id = item;
    e.outcome = "ok";
    return e;
}

TEST(AccessLogBatcher, EachCallerReturnsAfterItsOwnEventIsStoredAndBatchesAreShared) {
    SlowLog log;
    AccessLogBatcher batcher(log);
    constexpr int kThreads = 16;
    constexpr int kEach = 25;
    std::atomic<int> missing{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                const std::string item = std::to_string(t) + "-" + std::to_string(i);
                batcher.append(event(item));
                if (!log.stored(item)) {
                    ++missing;
                }
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    EXPECT_EQ(missing.load(), 0);
    EXPECT_EQ(log.stored_count(), static_cast<std::size_t>(kThreads * kEach));
    // 400 events in 2 ms commits: without grouping this would take 400 commits.
    EXPECT_LT(log.batch_count(), static_cast<std::size_t>(kThreads * kEach) / 2);
}

TEST(AccessLogBatcher, ALoneRequestWritesItsOwnEventWithoutWakingAnotherThread) {
    SlowLog log;
    AccessLogBatcher batcher(log);
    for (int i = 0; i < 3; ++i) {
        // Apart by more than the batcher's "busy" millisecond: each comes to a quiet log.
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        batcher.append(event("alone-" + std::to_string(i)));
    }
    const auto writers = log.writers();
    ASSERT_EQ(writers.size(), 3u);
    for (const auto& id : writers) {
        EXPECT_EQ(id, std::this_thread::get_id());
    }
}

TEST(AccessLogBatcher, EventsArrivingRightAfterACommitAreGatheredIntoOneTransaction) {
    SlowLog log;
    AccessLogBatcher batcher(log);
    batcher.append(event("first"));  // a quiet log: written at once, on this thread
    ASSERT_EQ(log.batch_count(), 1u);
    // Within the millisecond after that commit the log counts as busy: what comes now waits for
    // the writer thread's gathering instead of each paying a transaction of its own.
    constexpr int kBurst = 20;
    std::atomic<int> calls{0};
    for (int i = 0; i < kBurst; ++i) {
        batcher.append_then(event("burst-" + std::to_string(i)),
                            [&](std::exception_ptr error) { calls += error ? 0 : 1; });
    }
    for (int i = 0; i < 500 && calls < kBurst; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_EQ(calls.load(), kBurst);
    EXPECT_EQ(log.stored_count(), static_cast<std::size_t>(kBurst + 1));
    // One transaction for the burst when the loop above runs undisturbed; a few if this thread
    // was preempted on a loaded machine. Without gathering it is one per event.
    EXPECT_LT(log.batch_count(), 1u + kBurst / 4);
    const auto writers = log.writers();
    ASSERT_GE(writers.size(), 2u);
    EXPECT_EQ(writers.front(), std::this_thread::get_id());
    for (std::size_t i = 1; i < writers.size(); ++i) {
        EXPECT_NE(writers[i], std::this_thread::get_id()) << "the burst went to the writer thread";
    }
}

TEST(AccessLogBatcher, EachEventIsWrittenOnceAndEveryTransactionIsCounted) {
    SlowLog log;
    AccessLogBatcher batcher(log);
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 20; ++i) {
                batcher.append(event(std::to_string(t) + "/" + std::to_string(i)));
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    EXPECT_EQ(log.stored_count(), 160u);
    EXPECT_EQ(batcher.transactions(), static_cast<long>(log.batch_count()));
}

TEST(AccessLogBatcher, TheStoresErrorReachesTheCallerAndTheNextBatchIsWrittenAgain) {
    SlowLog log;
    AccessLogBatcher batcher(log);
    log.fail_next();
    EXPECT_THROW(batcher.append(event("lost")), domain::Error);
    EXPECT_FALSE(log.stored("lost"));
    batcher.append(event("kept"));
    EXPECT_TRUE(log.stored("kept"));
}

TEST(AccessLogBatcher, DestroyedAfterItsCallersReturnedEveryEventIsStored) {
    SlowLog log;
    std::vector<std::thread> threads;
    {
        AccessLogBatcher batcher(log);
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&, t] { batcher.append(event("late-" + std::to_string(t))); });
        }
        while (log.stored_count() == 0) {
            std::this_thread::yield();
        }
        for (auto& t : threads) {
            t.join();
        }
    }
    EXPECT_EQ(log.stored_count(), 8u);
}

TEST(AccessLogBatcher, AHandedOnEventsCallbackRunsOnlyOnceItIsStored) {
    SlowLog log;
    AccessLogBatcher batcher(log);
    std::promise<bool> stored_when_called;
    batcher.append_then(event("page"), [&](std::exception_ptr error) {
        stored_when_called.set_value(!error && log.stored("page"));
    });
    auto called = stored_when_called.get_future();
    ASSERT_EQ(std::future_status::ready, called.wait_for(std::chrono::seconds(5)));
    EXPECT_TRUE(called.get());
}

TEST(AccessLogBatcher, HandingOnAnEventDoesNotWaitForACommitInProgress) {
    SlowLog log;
    AccessLogBatcher batcher(log);
    log.hold();
    std::thread writer([&] { batcher.append(event("first")); });
    ASSERT_TRUE(log.wait_entered(1));
    std::atomic<bool> called{false};
    const auto start = std::chrono::steady_clock::now();
    batcher.append_then(event("second"), [&](std::exception_ptr) { called = true; });
    // Back at once, with the first commit still held and the second event not yet written.
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(500));
    EXPECT_FALSE(called.load());
    EXPECT_FALSE(log.stored("second"));
    log.let_go();
    writer.join();
    for (int i = 0; i < 500 && !called; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_TRUE(called.load());
    EXPECT_TRUE(log.stored("second"));
}

TEST(AccessLogBatcher, EveryHandedOnEventIsCalledBackOnceAndBatchesAreShared) {
    SlowLog log;
    constexpr int kThreads = 8;
    constexpr int kEach = 50;
    std::atomic<int> calls{0};
    std::atomic<int> unstored{0};
    {
        AccessLogBatcher batcher(log);
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < kEach; ++i) {
                    const std::string item = std::to_string(t) + "-" + std::to_string(i);
                    batcher.append_then(event(item), [&, item](std::exception_ptr error) {
                        if (error || !log.stored(item)) {
                            ++unstored;
                        }
                        ++calls;
                    });
                }
            });
        }
        for (auto& t : threads) {
            t.join();
        }
    }  // the destructor writes what is still queued
    EXPECT_EQ(calls.load(), kThreads * kEach);
    EXPECT_EQ(unstored.load(), 0);
    EXPECT_EQ(log.stored_count(), static_cast<std::size_t>(kThreads * kEach));
    EXPECT_LT(log.batch_count(), static_cast<std::size_t>(kThreads * kEach) / 2);
}

TEST(AccessLogBatcher, TheStoresErrorReachesAHandedOnEventsCallback) {
    SlowLog log;
    AccessLogBatcher batcher(log);
    log.fail_next();
    std::promise<bool> failed;
    batcher.append_then(event("lost"),
                        [&](std::exception_ptr error) { failed.set_value(error != nullptr); });
    auto f = failed.get_future();
    ASSERT_EQ(std::future_status::ready, f.wait_for(std::chrono::seconds(5)));
    EXPECT_TRUE(f.get());
    EXPECT_FALSE(log.stored("lost"));
}

}  // namespace
}  // namespace es::portal
