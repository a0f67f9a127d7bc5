#include "app/owner_share_facts.hpp"

namespace es::app {

notify::ShareFacts owner_share_facts(ExpiryReminderJob::Directory& directory,
                                     const domain::Share& share,
                                     const ExpiryReminderJob::Owner& owner) {
    // The locale stays the share's: the host tells no user's language, and the share's is the
    // one its owner chose.
    notify::ShareFacts facts = notify::share_facts(share);
    facts.organisation_name = directory.organisation_name(share.organisation_id);
    facts.case_reference = directory.case_reference(share.organisation_id, share.case_id);
    facts.owner_name = owner.name;
    facts.owner_email = owner.email;
    // The owner knows the recipient by the address too when the share has no name.
    facts.recipient_name = share.recipient.name.value_or(share.recipient.email.value_or(""));
    return facts;
}

}  // namespace es::app
