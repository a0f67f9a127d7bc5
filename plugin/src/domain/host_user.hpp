// A user as the host's directory describes them, in the plugin's terms (host::HostAdapter reads
// it from dm.directory's `user`). Plain value type.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace es::domain {

struct HostUser {
    std::string id;
    std::string display_name;
    std::string email;  // may be empty
    std::vector<std::string> roles;
    // An inactive user can no longer sign in to the host; the host keeps them for the record.
    bool active = true;
    // The name of the user's organisation as the host shows it; empty when the host does not say.
    std::string organisation_name;

    bool has_role(const std::string& role) const {
        return std::find(roles.begin(), roles.end(), role) != roles.end();
    }
};

}  // namespace es::domain
