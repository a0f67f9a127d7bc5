#include "store/recent_organisation_values.hpp"

namespace es::store {

std::optional<std::string> RecentOrganisationValues::of(const std::string& organisation_id) {
    const auto now = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(mutex_);
        auto it = kept_.find(organisation_id);
        if (it != kept_.end() && now - it->second.read_at < kept_for_) {
            return it->second.value;
        }
    }
    auto value = read_(organisation_id);  // outside the lock: a slow read holds up nobody else
    std::lock_guard lock(mutex_);
    if (kept_.size() >= kMaxKept) {
        kept_.clear();
    }
    kept_[organisation_id] = Kept{value, now};
    return value;
}

void RecentOrganisationValues::forget(const std::string& organisation_id) {
    std::lock_guard lock(mutex_);
    kept_.erase(organisation_id);
}

}  // namespace es::store
