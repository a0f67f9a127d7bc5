#include "licence/licence_state.hpp"

namespace es::licence {

std::string_view state_id(LicenceState state) noexcept {
    switch (state) {
        case LicenceState::NotActivated:
            return "not_activated";
        case LicenceState::Trial:
            return "trial";
        case LicenceState::Licensed:
            return "licensed";
        case LicenceState::Expired:
            return "expired";
        case LicenceState::Deactivated:
            return "deactivated";
    }
    return "not_activated";
}

}  // namespace es::licence
