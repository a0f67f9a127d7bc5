// What every owner alert says about its share (organisation, case, owner, recipient), gathered
// once for the expiry reminder job and the portal's owner alerts alike.
#pragma once

#include "app/expiry_reminder_job.hpp"
#include "domain/share.hpp"
#include "notify/outbox_rows.hpp"

namespace es::app {

// Asks `directory` for the organisation's name and the case reference; may throw what it throws.
notify::ShareFacts owner_share_facts(ExpiryReminderJob::Directory& directory,
                                     const domain::Share& share,
                                     const ExpiryReminderJob::Owner& owner);

}  // namespace es::app
