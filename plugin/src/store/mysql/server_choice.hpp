// Which of several MySQL/MariaDB servers a new connection goes to.
//
// The servers are tried in the configured order, except that one which failed (unreachable, or
// a Galera node that is not ready and Synced) within the last `failback` goes after the others.
// So while the first server is well, every connection of every instance that lists the servers
// in the same order is on it: one writer node, which a Galera cluster needs for counters that
// several instances change at once (docs/storage.md, "lost update"). A connection to any other
// server is retired after `failback` (MysqlConnection::retired), so the pool comes back to the
// first server once it is back.
//
// Thread safety: all members may be called from any thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <vector>

#include "config/settings.hpp"

namespace es::store::mysql {

class ServerChoice {
  public:
    ServerChoice(std::vector<config::MysqlSettings::Server> servers, std::chrono::seconds failback);

    // Indexes into servers(), in the order to try them now.
    std::vector<std::size_t> order() const;
    void failed(std::size_t index);

    const std::vector<config::MysqlSettings::Server>& servers() const { return servers_; }
    std::chrono::seconds failback() const { return failback_; }

  private:
    using Clock = std::chrono::steady_clock;

    const std::vector<config::MysqlSettings::Server> servers_;
    const std::chrono::seconds failback_;
    mutable std::mutex mutex_;
    std::vector<Clock::time_point> failed_at_;  // epoch: never failed
};

// The servers of `settings`: its `servers`, or else its host and port.
std::vector<config::MysqlSettings::Server> servers_of(const config::MysqlSettings& settings);

}  // namespace es::store::mysql
