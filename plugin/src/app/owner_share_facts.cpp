#include "app/owner_share_facts.hpp"

namespace es::app {

notify::ShareFacts owner_share_facts(ExpiryReminderJob::Directory& directory,
                                     const domain::Share& share,
                                     const ExpiryReminderJob::Owner& owner) {
    notify::ShareFacts facts;
    facts.organisation_id = share.organisation_id;
    facts.organisation_name = directory.organisation_name(share.organisation_id);
    facts.share_id = share.id;
    facts.case_reference = directory.case_reference(share.organisation_id, share.case_id);
    // The host tells no user's language; the share's is the one its owner chose.
    facts.locale = share.locale;
    facts.owner_name = owner.name;
    facts.owner_email = owner.email;
    facts.recipient_name = share.recipient.name.value_or(share.recipient.email.value_or(""));
    return facts;
}

}  // namespace es::app
