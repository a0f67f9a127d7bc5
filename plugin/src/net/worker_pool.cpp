#include "net/worker_pool.hpp"

#include <pthread.h>
#include <signal.h>

#include <algorithm>

#include "net/usable_cores.hpp"

namespace es::net {

void block_sigpipe_in_this_thread() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

namespace {

// The pool whose thread this is, and whether this thread's task still counts as running.
thread_local WorkerPool* this_threads_pool = nullptr;
thread_local bool task_counts_as_running = false;

int default_active_target() {
    return std::max(4, 2 * usable_cores());
}

}  // namespace

WorkerPool::WorkerPool(int threads, std::size_t max_queued, int active_target,
                       std::chrono::microseconds stall)
    : max_queued_(max_queued),
      active_target_(active_target > 0 ? active_target : default_active_target()),
      stall_(stall) {
    threads_.reserve(static_cast<std::size_t>(threads));
    for (int i = 0; i < threads; ++i) {
        threads_.emplace_back([this] { run(); });
    }
    watchdog_ = std::thread([this] { watch(); });
}

WorkerPool::~WorkerPool() {
    stop();
}

bool WorkerPool::wake_one_locked() {
    if (sleepers_.empty()) {
        return false;
    }
    Sleeper* last = sleepers_.back();
    sleepers_.pop_back();
    last->woken = true;
    ++waking_;
    last->wake.notify_one();
    return true;
}

bool WorkerPool::wake_under_target_locked() {
    return running_ + waking_ < active_target_ && wake_one_locked();
}

bool WorkerPool::post(std::function<void()> task) {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= max_queued_) {
        return false;
    }
    queue_.push_back(Queued{std::move(task), Clock::now()});
    const bool woke = wake_under_target_locked();
    // A task that a thread is on its way to is not the watchdog's concern; one left waiting is,
    // and the watchdog may be asleep for want of anything queued.
    if (!woke && watchdog_idle_) {
        watchdog_idle_ = false;
        backlog_.notify_one();
    }
    return true;
}

void WorkerPool::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        while (wake_one_locked()) {
        }
    }
    backlog_.notify_all();
    for (auto& t : threads_) {
        if (t.joinable()) {
            t.join();
        }
    }
    threads_.clear();
    if (watchdog_.joinable()) {
        watchdog_.join();
    }
}

std::size_t WorkerPool::stall_wakes() const {
    std::lock_guard lock(mutex_);
    return stall_wakes_;
}

int WorkerPool::sleeping_threads() const {
    std::lock_guard lock(mutex_);
    return static_cast<int>(sleepers_.size());
}

void WorkerPool::this_task_may_block() {
    WorkerPool* pool = this_threads_pool;
    if (pool == nullptr || !task_counts_as_running) {
        return;
    }
    task_counts_as_running = false;
    std::lock_guard lock(pool->mutex_);
    --pool->running_;
    if (!pool->queue_.empty()) {
        pool->wake_under_target_locked();
    }
}

void WorkerPool::run() {
    block_sigpipe_in_this_thread();
    this_threads_pool = this;
    std::unique_lock lock(mutex_);
    for (;;) {
        while (queue_.empty() && !stopping_) {
            Sleeper me;
            sleepers_.push_back(&me);
            me.wake.wait(lock, [&] { return me.woken; });
            --waking_;
        }
        if (queue_.empty()) {
            return;  // stopping, and nothing left to run
        }
        auto task = std::move(queue_.front().task);
        queue_.pop_front();
        ++running_;
        task_counts_as_running = true;
        lock.unlock();
        task();
        task = nullptr;  // what it holds is released outside the lock
        lock.lock();
        if (task_counts_as_running) {
            --running_;
        }
    }
}

void WorkerPool::watch() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        if (queue_.empty()) {
            watchdog_idle_ = true;
            backlog_.wait(lock);
            continue;
        }
        const auto waited = Clock::now() - queue_.front().since;
        if (waited >= stall_) {
            if (wake_one_locked()) {
                ++stall_wakes_;
            }
            backlog_.wait_for(lock, stall_);
        } else {
            backlog_.wait_for(lock, stall_ - waited);
        }
    }
}

}  // namespace es::net
