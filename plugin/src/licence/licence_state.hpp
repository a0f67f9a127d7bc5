// Where an organisation stands with the module. Only Trial and Licensed let anything be shared;
// every other state behaves exactly like "not activated" for users and recipients.
#pragma once

#include <string_view>

namespace es::licence {

enum class LicenceState {
    NotActivated,  // the default: nothing was ever started
    Trial,         // the free month, once per organisation
    Licensed,      // a valid vendor key is in force
    Expired,       // the trial or the key ran out; renewal brings everything back
    Deactivated    // switched off by an organisation admin
};

// "not_activated", "trial", "licensed", "expired", "deactivated" (stable: stored in audit details).
std::string_view state_id(LicenceState state) noexcept;

inline bool is_active_state(LicenceState state) noexcept {
    return state == LicenceState::Trial || state == LicenceState::Licensed;
}

}  // namespace es::licence
