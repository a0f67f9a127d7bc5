// The open connections of the portal: so stop() can cut idle keep-alive connections at once instead
// of waiting for their timeouts, and so a request that arrives too slowly is cut off.
//
// Request deadlines (against slowloris): a socket's receive timeout bounds each single read, so a
// client sending one byte just inside it could hold a connection thread for hours. Each request
// therefore gets a deadline for its head and body together; a watcher thread shuts down sockets
// still reading a request past it (their thread then sees EOF and ends the connection). Sending
// the response disarms the deadline: long downloads are bounded by the send timeout instead.
#pragma once

#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace es::portal::http {

class ConnectionRegistry {
  public:
    using Clock = std::chrono::steady_clock;

    ConnectionRegistry() = default;
    ~ConnectionRegistry();
    ConnectionRegistry(const ConnectionRegistry&) = delete;
    ConnectionRegistry& operator=(const ConnectionRegistry&) = delete;

    // False when the portal is stopping: the connection should end at once.
    bool add(Poco::Net::StreamSocket& socket);
    void remove(Poco::Net::StreamSocket& socket);
    // Shuts every registered socket down (their threads then see EOF), refuses new ones and stops
    // the deadline watcher.
    void shutdown_all();
    bool stopping() const;

    void arm_deadline(Poco::Net::StreamSocket& socket, Clock::time_point deadline);
    void disarm_deadline(Poco::Net::StreamSocket& socket);
    // Shuts down the sockets whose deadline passed before `now`; returns how many.
    int cut_overdue(Clock::time_point now);
    // Runs cut_overdue every `tick` on a thread of its own until shutdown_all().
    void watch_deadlines(std::chrono::milliseconds tick);

  private:
    mutable std::mutex mutex_;
    std::map<Poco::Net::StreamSocket*, std::optional<Clock::time_point>> sockets_;
    bool stopping_ = false;
    std::condition_variable stop_requested_;
    std::thread watcher_;
};

}  // namespace es::portal::http
