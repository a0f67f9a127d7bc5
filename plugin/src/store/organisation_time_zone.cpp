#include "store/organisation_time_zone.hpp"

#include <chrono>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "text/time_text.hpp"

namespace es::store {

std::optional<std::string> organisation_time_zone(OrganisationSettingsRepository& settings,
                                                  const std::string& organisation_id) {
    auto zone = settings.value(organisation_id, kTimeZoneSetting);
    if (zone && text::is_time_zone(*zone)) {
        return zone;
    }
    return std::nullopt;
}

void set_organisation_time_zone(OrganisationSettingsRepository& settings,
                                const std::string& organisation_id, const std::string& zone) {
    settings.set_value(organisation_id, kTimeZoneSetting, zone);
}

namespace {

// Every page, message and panel that shows a time asks for its organisation's zone, and reading
// it costs a database statement and an ICU lookup: each answer is kept for a few seconds. An
// admin's change shows at once in the process that made it (forget) and within kKept on every other
// instance of a cluster; the zone only decides how times are written, never who may see what.
class ChosenZones {
  public:
    explicit ChosenZones(OrganisationSettingsRepository& settings) : settings_(settings) {}

    std::optional<std::string> of(const std::string& organisation_id) {
        const auto now = std::chrono::steady_clock::now();
        {
            std::lock_guard lock(mutex_);
            auto it = kept_.find(organisation_id);
            if (it != kept_.end() && now - it->second.read_at < kKept) {
                return it->second.zone;
            }
        }
        auto zone = organisation_time_zone(settings_, organisation_id);
        std::lock_guard lock(mutex_);
        if (kept_.size() >= kMaxKept) {
            kept_.clear();  // more organisations than any installation has: start over
        }
        kept_[organisation_id] = Kept{zone, now};
        return zone;
    }

    void forget(const std::string& organisation_id) {
        std::lock_guard lock(mutex_);
        kept_.erase(organisation_id);
    }

  private:
    static constexpr std::chrono::seconds kKept{5};
    static constexpr std::size_t kMaxKept = 10000;
    struct Kept {
        std::optional<std::string> zone;
        std::chrono::steady_clock::time_point read_at;
    };
    OrganisationSettingsRepository& settings_;
    std::mutex mutex_;
    std::unordered_map<std::string, Kept> kept_;
};

}  // namespace

void use_chosen_time_zones(config::OrganisationSettings& organisations,
                           OrganisationSettingsRepository& settings) {
    auto zones = std::make_shared<ChosenZones>(settings);
    organisations.chosen_zone = [zones](const std::string& organisation_id) {
        return zones->of(organisation_id);
    };
    organisations.forget_chosen_zone = [zones](const std::string& organisation_id) {
        zones->forget(organisation_id);
    };
}

}  // namespace es::store
