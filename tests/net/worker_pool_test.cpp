// The worker pool wakes a sleeping thread per task only while few tasks run; beyond that, tasks
// wait for a thread to finish. These tests hold that this never leaves a task behind blocked
// ones: the watchdog wakes more threads, up to all of them.
#include "net/worker_pool.hpp"

#include "net/transfer_slots.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

namespace es::net {
namespace {

using namespace std::chrono_literals;

// Tasks that block until released, as a download to a slow reader does.
class Gate {
  public:
    void hold() {
        std::unique_lock lock(mutex_);
        ++held_;
        changed_.notify_all();
        changed_.wait(lock, [this] { return open_; });
    }
    bool wait_for_held(int n, std::chrono::milliseconds limit) {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, limit, [&] { return held_ >= n; });
    }
    void open() {
        std::lock_guard lock(mutex_);
        open_ = true;
        changed_.notify_all();
    }

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    int held_ = 0;
    bool open_ = false;
};

// Until every thread of a new pool sleeps, a thread just starting may find a task in the queue
// by itself, and no wake would be needed at all.
void wait_until_all_sleep(const WorkerPool& pool, int threads) {
    const auto until = std::chrono::steady_clock::now() + 5s;
    while (pool.sleeping_threads() < threads && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(1ms);
    }
    ASSERT_EQ(threads, pool.sleeping_threads());
}

TEST(WorkerPool, ATaskBehindBlockedOnesRunsOnceItWaitedTheStallTime) {
    WorkerPool pool(8, 100, /*active_target=*/2, 20ms);
    wait_until_all_sleep(pool, 8);
    Gate gate;
    ASSERT_TRUE(pool.post([&] { gate.hold(); }));
    ASSERT_TRUE(pool.post([&] { gate.hold(); }));
    ASSERT_TRUE(gate.wait_for_held(2, 2s));
    std::atomic<bool> ran{false};
    const auto posted = std::chrono::steady_clock::now();
    ASSERT_TRUE(pool.post([&] { ran = true; }));
    while (!ran && std::chrono::steady_clock::now() - posted < 3s) {
        std::this_thread::sleep_for(1ms);
    }
    EXPECT_TRUE(ran) << "the third task waited behind two blocked ones";
    EXPECT_GE(pool.stall_wakes(), 1u) << "only the watchdog may wake a third thread";
    gate.open();
}

TEST(WorkerPool, BlockedTasksGetEveryThreadOfThePool) {
    WorkerPool pool(6, 100, /*active_target=*/2, 5ms);
    Gate gate;
    for (int i = 0; i < 6; ++i) {
        ASSERT_TRUE(pool.post([&] { gate.hold(); }));
    }
    EXPECT_TRUE(gate.wait_for_held(6, 3s)) << "the pool stayed below its threads";
    gate.open();
}

TEST(WorkerPool, UnderTheTargetAPostWakesAThreadAtOnce) {
    WorkerPool pool(4, 100, /*active_target=*/4, 10s);
    wait_until_all_sleep(pool, 4);
    Gate gate;
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(pool.post([&] { gate.hold(); }));
    }
    EXPECT_TRUE(gate.wait_for_held(3, 2s)) << "no watchdog needed below the target";
    EXPECT_EQ(0u, pool.stall_wakes());
    gate.open();
}

// A transfer says it will hold its thread: the next task then wakes a thread at once, without
// the watchdog (whose stall time here is longer than the test).
TEST(WorkerPool, ATransferLeavesItsPlaceAmongTheRunningTasks) {
    WorkerPool pool(4, 100, /*active_target=*/1, 60s);
    wait_until_all_sleep(pool, 4);
    TransferSlots slots(4);
    Gate gate;
    ASSERT_TRUE(pool.post([&] {
        auto slot = slots.try_take();
        gate.hold();
    }));
    ASSERT_TRUE(gate.wait_for_held(1, 2s));
    ASSERT_TRUE(pool.post([&] { gate.hold(); }));
    EXPECT_TRUE(gate.wait_for_held(2, 2s)) << "the page waited behind the transfer";
    EXPECT_EQ(0u, pool.stall_wakes());
    gate.open();
}

// Posts `at_once` tasks at a time to a pool of 8 idle threads, 24 times, each time waiting until
// they ran and every thread sleeps again; answers how many threads ran them.
std::size_t threads_that_ran(int at_once) {
    constexpr int threads = 8;
    WorkerPool pool(threads, 100, /*active_target=*/4, 10s);
    wait_until_all_sleep(pool, threads);
    std::mutex mutex;
    std::set<std::thread::id> ran_on;
    for (int round = 0; round < 3 * threads; ++round) {
        Gate gate;
        for (int k = 0; k < at_once; ++k) {
            EXPECT_TRUE(pool.post([&] {
                {
                    std::lock_guard lock(mutex);
                    ran_on.insert(std::this_thread::get_id());
                }
                gate.hold();
            }));
        }
        EXPECT_TRUE(gate.wait_for_held(at_once, 2s));
        gate.open();
        wait_until_all_sleep(pool, threads);
    }
    return ran_on.size();
}

// One request at a time goes to the thread that slept last, the one that ran the request before:
// its caches are warm. Woken in turn, each of the threads would run cold.
TEST(WorkerPool, RequestsOneAtATimeRunOnTheThreadThatRanThePreviousOne) {
    EXPECT_EQ(1u, threads_that_ran(1));
}

// Two at a time: each pair still runs on the two threads that ran the pair before.
TEST(WorkerPool, TheThreadsThatSleptLastAreWokenFirst) {
    EXPECT_EQ(2u, threads_that_ran(2));
}

TEST(WorkerPool, StopWakesEverySleepingThread) {
    auto pool = std::make_unique<WorkerPool>(16, 100, /*active_target=*/2, 10s);
    wait_until_all_sleep(*pool, 16);
    const auto started = std::chrono::steady_clock::now();
    pool->stop();
    EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
    EXPECT_EQ(0, pool->sleeping_threads());
}

TEST(WorkerPool, EveryTaskPostedFromManyThreadsRunsOnce) {
    std::atomic<int> runs{0};
    {
        WorkerPool pool(16, 100000, /*active_target=*/3, 1ms);
        std::vector<std::thread> posters;
        for (int t = 0; t < 4; ++t) {
            posters.emplace_back([&] {
                for (int i = 0; i < 5000; ++i) {
                    while (!pool.post([&] { runs.fetch_add(1); })) {
                        std::this_thread::yield();
                    }
                }
            });
        }
        for (auto& t : posters) {
            t.join();
        }
        pool.stop();  // runs what is still queued
    }
    EXPECT_EQ(20000, runs.load());
}

TEST(WorkerPool, AFullQueueRefusesAndAStoppedPoolTakesNothing) {
    WorkerPool pool(1, 2, /*active_target=*/1, 10s);
    Gate gate;
    ASSERT_TRUE(pool.post([&] { gate.hold(); }));
    ASSERT_TRUE(gate.wait_for_held(1, 2s));
    EXPECT_TRUE(pool.post([] {}));
    EXPECT_TRUE(pool.post([] {}));
    EXPECT_FALSE(pool.post([] {})) << "max_queued is 2";
    gate.open();
    pool.stop();
    EXPECT_FALSE(pool.post([] {}));
}

}  // namespace
}  // namespace es::net
