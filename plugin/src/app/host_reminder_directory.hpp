// ExpiryReminderJob::Directory over the host: the owner from dm.directory/1 `user` (a removed user
// answers DM_ERR_NOT_FOUND), the case reference from dm.cases/1 `case_details`, the organisation's
// name as the caseworker desk last stored it (organisation setting "display_name").
//
// Calls are made on behalf of the organisation (empty user id): the job acts for no one.
// [any-thread], as the host's directory and cases services are.
#pragma once

#include <dm/cpp/host_services.hpp>

#include "app/expiry_reminder_job.hpp"
#include "store/organisation_settings_repository.hpp"

namespace es::app {

class HostReminderDirectory : public ExpiryReminderJob::Directory {
  public:
    HostReminderDirectory(const dm::HostServices& host,
                          store::OrganisationSettingsRepository& settings)
        : host_(host), settings_(settings) {}

    std::optional<ExpiryReminderJob::Owner> owner(const std::string& organisation_id,
                                                  const std::string& user_id) override;
    std::string organisation_name(const std::string& organisation_id) override;
    std::string case_reference(const std::string& organisation_id,
                               const std::string& case_id) override;

  private:
    const dm::HostServices& host_;
    store::OrganisationSettingsRepository& settings_;
};

}  // namespace es::app
