#include "app/host_reminder_directory.hpp"

namespace es::app {

namespace {

domain::Actor organisation(const std::string& organisation_id) {
    return domain::Actor{organisation_id, "", domain::Language::De};
}

}  // namespace

std::optional<ExpiryReminderJob::Owner> HostReminderDirectory::owner(
    const std::string& organisation_id, const std::string& user_id) {
    const auto user = host_.user(organisation(organisation_id), user_id);
    // An inactive user can no longer sign in to extend the link: treated like a removed one.
    if (!user || !user->active) {
        return std::nullopt;
    }
    return ExpiryReminderJob::Owner{user->display_name, user->email};
}

std::string HostReminderDirectory::organisation_name(const std::string& organisation_id) {
    return settings_.value(organisation_id, "display_name").value_or(organisation_id);
}

std::string HostReminderDirectory::case_reference(const std::string& organisation_id,
                                                  const std::string& case_id) {
    try {
        return host_
            .read_case(organisation(organisation_id), case_id, domain::CaseParts::details_only())
            .reference();
    } catch (const std::exception&) {
        // The reminder still helps without the case's name; the owner knows the recipient.
        return case_id;
    }
}

}  // namespace es::app
