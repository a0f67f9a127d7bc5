#include "store/sql/conflict_backoff.hpp"

#include <algorithm>
#include <random>
#include <thread>

namespace es::store::sql {

std::chrono::microseconds conflict_pause(int losses, std::uint64_t random) {
    constexpr int kLongestDoubling = 6;  // 1 ms << 6 = 64 ms
    const int doublings = std::clamp(losses - 1, 0, kLongestDoubling);
    const std::int64_t range = std::int64_t{1000} << doublings;
    const std::int64_t half = range / 2;
    return std::chrono::microseconds(
        half + static_cast<std::int64_t>(random % static_cast<std::uint64_t>(half + 1)));
}

bool ConflictBackoff::wait_after_loss() {
    ++losses_;
    // Per thread, so that threads that lost together do not draw the same pauses.
    thread_local std::mt19937_64 draw{std::random_device{}()};
    const auto pause = conflict_pause(losses_, draw());
    if (std::chrono::steady_clock::now() + pause - start_ > budget_) {
        return false;
    }
    std::this_thread::sleep_for(pause);
    return true;
}

}  // namespace es::store::sql
