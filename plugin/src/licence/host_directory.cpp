#include "licence/host_directory.hpp"

namespace es::licence {

bool HostDirectory::is_organisation_admin(const domain::Actor& actor) {
    if (actor.user_id.empty()) {
        return false;
    }
    // A removed user is nobody's admin, nor is one who can no longer sign in.
    const auto user = host_.user(actor, actor.user_id);
    return user && user->active && user->has_role("organisation_admin");
}

std::vector<CaseTypeInfo> HostDirectory::case_types(const domain::Actor& actor) {
    return host_.case_types(actor);
}

std::string HostDirectory::user_name(const domain::Actor& actor, const std::string& user_id) {
    const auto user = host_.user(actor, user_id);
    return user ? user->display_name : std::string();
}

}  // namespace es::licence
