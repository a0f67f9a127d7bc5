// A fixed set of threads running complete requests. The front door only posts work that is ready
// to run (a whole request), so a thread is never held by a client that is slow to send.
//
// Not every idle thread is woken for every task. A post wakes a sleeping thread only while fewer
// than `active_target` tasks run; beyond that the task waits in the queue for the next thread that
// finishes, which takes it without sleeping. With more threads than cores, waking one per request
// cost two system calls and two thread switches a page (docs/performance.md, run 15). Threads
// that run a task may block (a download to a slow reader, a database round trip), so a watchdog
// wakes one more thread whenever the oldest queued task has waited `stall` and a thread sleeps:
// no task waits behind blocked ones for long, and the pool still grows to all its threads. Tasks
// known to hold their thread for long (transfers) say so and stop counting as running.
//
// The thread woken is the one that went to sleep last. At a low rate one thread then runs every
// request with its stack, its malloc arena and its caches still warm; woken in turn (what a shared
// condition variable does), 64 threads each ran cold and a lone page cost several times the CPU
// it costs under load (docs/performance.md, run 16).
//
// Threads: post() from any thread; stop() once, from the thread that owns the pool.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace es::net {

class WorkerPool {
  public:
    using Clock = std::chrono::steady_clock;

    // `active_target` 0: twice the cores the process may use (usable_cores()), at least 4.
    WorkerPool(int threads, std::size_t max_queued, int active_target = 0,
               std::chrono::microseconds stall = std::chrono::microseconds(1000));
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // False when max_queued tasks already wait (the task is not taken) or the pool stopped.
    bool post(std::function<void()> task);
    // Runs what is queued, then joins every thread.
    void stop();

    // How many times the watchdog woke a thread for a task that waited too long, and how many
    // threads sleep now (for tests).
    std::size_t stall_wakes() const;
    int sleeping_threads() const;

    // Called by a task that will hold its thread for as long as a client reads (a transfer): it
    // stops counting towards `active_target`, so that the next request wakes a thread at once
    // instead of waiting for the watchdog. Does nothing outside a pool's thread.
    static void this_task_may_block();

  private:
    struct Queued {
        std::function<void()> task;
        Clock::time_point since;
    };
    // One per sleeping thread, on that thread's stack.
    struct Sleeper {
        std::condition_variable wake;
        bool woken = false;
    };

    void run();
    void watch();
    // Under mutex_: wakes the thread that fell asleep last, if one sleeps; true when it did.
    bool wake_one_locked();
    // The same, only while fewer than `active_target` tasks run or are about to.
    bool wake_under_target_locked();

    std::size_t max_queued_;
    int active_target_;
    std::chrono::microseconds stall_;
    mutable std::mutex mutex_;
    std::vector<Sleeper*> sleepers_;   // not yet woken, the one that fell asleep last at the back
    std::condition_variable backlog_;  // the watchdog, while the queue is empty
    bool watchdog_idle_ = false;       // it waits in backlog_ without a time limit
    std::deque<Queued> queue_;
    int running_ = 0;  // threads running a task
    int waking_ = 0;   // woken and not yet awake
    std::size_t stall_wakes_ = 0;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
    std::thread watchdog_;
};

// Blocks SIGPIPE in the calling thread: a write to a vanished peer then fails with EPIPE instead
// of ending the process (OpenSSL and sendfile(2) cannot pass MSG_NOSIGNAL).
void block_sigpipe_in_this_thread();

}  // namespace es::net
