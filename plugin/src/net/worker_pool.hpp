// A fixed set of threads running complete requests. The front door only posts work that is ready
// to run (a whole request), so a thread is never held by a client that is slow to send.
//
// Threads: post() from any thread; stop() once, from the thread that owns the pool.
#pragma once

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
    WorkerPool(int threads, std::size_t max_queued);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // False when max_queued tasks already wait (the task is not taken) or the pool stopped.
    bool post(std::function<void()> task);
    // Runs what is queued, then joins every thread.
    void stop();

  private:
    void run();

    std::size_t max_queued_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> queue_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

// Blocks SIGPIPE in the calling thread: a write to a vanished peer then fails with EPIPE instead
// of ending the process (OpenSSL and sendfile(2) cannot pass MSG_NOSIGNAL).
void block_sigpipe_in_this_thread();

}  // namespace es::net
