#include "store/mysql/server_choice.hpp"

#include <algorithm>

namespace es::store::mysql {

ServerChoice::ServerChoice(std::vector<config::MysqlSettings::Server> servers,
                           std::chrono::seconds failback)
    : servers_(std::move(servers)), failback_(failback), failed_at_(servers_.size()) {}

std::vector<std::size_t> ServerChoice::order() const {
    std::vector<std::size_t> well;
    std::vector<std::pair<Clock::time_point, std::size_t>> failed;
    const auto now = Clock::now();
    std::lock_guard lock(mutex_);
    for (std::size_t i = 0; i < servers_.size(); ++i) {
        if (failed_at_[i] != Clock::time_point{} && now - failed_at_[i] < failback_) {
            failed.emplace_back(failed_at_[i], i);
        } else {
            well.push_back(i);
        }
    }
    // Of the failed ones, the one that failed longest ago first.
    std::sort(failed.begin(), failed.end());
    for (const auto& f : failed) {
        well.push_back(f.second);
    }
    return well;
}

void ServerChoice::failed(std::size_t index) {
    std::lock_guard lock(mutex_);
    failed_at_.at(index) = Clock::now();
}

std::vector<config::MysqlSettings::Server> servers_of(const config::MysqlSettings& settings) {
    if (!settings.servers.empty()) {
        return settings.servers;
    }
    return {config::MysqlSettings::Server{settings.host, settings.port}};
}

}  // namespace es::store::mysql
