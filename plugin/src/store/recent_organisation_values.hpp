// One value per organisation, read from the database at most every few seconds per process: for
// what only decides how something is written (the time zone times are shown in, the name a
// recipient's page is "shared by"), never who may see what. A change made in this process shows at
// once (forget); other instances of a cluster show it within the time a value is kept.
//
// Thread safety: any thread. Errors: whatever `read` throws, passed on (nothing is kept then).
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace es::store {

class RecentOrganisationValues {
  public:
    using Read = std::function<std::optional<std::string>(const std::string& organisation_id)>;

    explicit RecentOrganisationValues(Read read,
                                      std::chrono::steady_clock::duration kept = kDefaultKept)
        : read_(std::move(read)), kept_for_(kept) {}

    std::optional<std::string> of(const std::string& organisation_id);
    void forget(const std::string& organisation_id);

    static constexpr std::chrono::seconds kDefaultKept{5};

  private:
    // More organisations than any installation has: start over rather than grow.
    static constexpr std::size_t kMaxKept = 10000;
    struct Kept {
        std::optional<std::string> value;
        std::chrono::steady_clock::time_point read_at;
    };
    Read read_;
    std::chrono::steady_clock::duration kept_for_;
    std::mutex mutex_;
    std::unordered_map<std::string, Kept> kept_;
};

}  // namespace es::store
