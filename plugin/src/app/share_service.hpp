// The owner's use cases for shares, and the reactions to host events.
//
// Every call names its actor; every share-level call checks that the share belongs to the actor's
// organisation (else NotFound) and that the actor may access its case (reading the case in the
// actor's context, else NotFound) before doing anything. Every change is written together with its
// audit entry, and told to the case's journal (ShareJournal) once committed.
//
// Thread safety: all functions may be called from any thread at once.
// Errors: es::domain::Error; ValidationFailed (Kind::InvalidInput) lists every broken rule with
// field and rule name, and nothing has been written when it is thrown.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/case_access.hpp"
#include "app/case_at_hand.hpp"
#include "app/policy_resolver.hpp"
#include "app/share_journal.hpp"
#include "config/settings.hpp"
#include "crypto/password_hasher.hpp"
#include "crypto/secret_box.hpp"
#include "domain/access_event.hpp"
#include "domain/actor.hpp"
#include "domain/case_share_summary.hpp"
#include "domain/page.hpp"
#include "domain/policy.hpp"
#include "domain/protection_choice.hpp"
#include "domain/selection.hpp"
#include "domain/share.hpp"
#include "domain/share_overview.hpp"
#include "domain/share_request.hpp"
#include "store/store.hpp"
#include "text/time_text.hpp"

namespace es::app {

// The result of create() (CreatedShare): the link is shown to the owner once there and can be
// fetched again with private_url().
using domain::CreatedShare;
using domain::ShareOverview;

// What the link e-mail says about who sends it; the host knows it, the service does not.
struct LinkMailFacts {
    std::string organisation_name;
    std::string sender_name;
    std::string sender_email;
};

class ShareService {
  public:
    // All references must outlive the service. `public_url` without trailing slash. Without a
    // journal nothing is written into cases' journals.
    ShareService(store::Store& store, CaseAccess& cases, const crypto::SecretBox& box,
                 crypto::PasswordHasher& hasher, const config::PolicyConfig& policy,
                 std::string public_url, ShareJournal* journal = nullptr,
                 config::OrganisationSettings organisations = {});

    // Reads the case for `actor` (the parts asked for; the details always, for the case type) and
    // resolves its policy: what one request passes to the calls below that take a CaseAtHand, so
    // that the host is asked once. NotFound when the actor may not see the case.
    CaseAtHand open_case(const domain::Actor& actor, const std::string& case_id,
                         domain::CaseParts parts = domain::CaseParts::all());

    // The policy for a case type of the actor's organisation (PolicyResolver).
    domain::Policy policy_for(const domain::Actor& actor, const std::string& case_type_id);
    // How `actor` reads times: their language on their organisation's clock.
    text::TimeReader time_reader(const domain::Actor& actor) const;

    // The calls come in pairs. The one with a CaseAtHand trusts it: the case was read for this
    // actor in this request, and a share id must name a share of that case (else NotFound). The
    // one without reads what it needs from the host itself, for callers that have nothing read.

    // Validates against the policy and writes share, selection, outbox message (e-mailed links,
    // saying what `mail` says about the sender) and audit entry in one transaction.
    CreatedShare create(const domain::Actor& actor, const CaseAtHand& at_hand,
                        const domain::ShareRequest& request, const LinkMailFacts& mail = {});
    CreatedShare create(const domain::Actor& actor, const domain::ShareRequest& request,
                        const LinkMailFacts& mail = {});

    // All shares of the case, newest first.
    std::vector<ShareOverview> list(const domain::Actor& actor, const CaseAtHand& at_hand);
    std::vector<ShareOverview> list(const domain::Actor& actor, const std::string& case_id);

    // The link again ("<public_url>/s/<token>"), unsealed from the share as read from the database
    // (by list(), which checked the actor).
    std::string link_of(const domain::Share& share) const;
    std::string private_url(const domain::Actor& actor, const std::string& share_id);

    // The password for the owner's panel; none when the share has none.
    std::optional<std::string> reveal_password(const domain::Actor& actor,
                                               const CaseAtHand& at_hand,
                                               const std::string& share_id);
    std::optional<std::string> reveal_password(const domain::Actor& actor,
                                               const std::string& share_id);

    domain::Selection selection(const domain::Actor& actor, const CaseAtHand& at_hand,
                                const std::string& share_id);
    domain::Selection selection(const domain::Actor& actor, const std::string& share_id);

    // Sends the link to the recipient's e-mail address, in one transaction with the queued
    // message. The expiry stays what the caseworker chose (the share dialog offers the e-mail
    // default, 24 hours, when e-mail is ticked); one outside the policy is refused with a field
    // error ("expires_at"), never changed. A share without an e-mail address is refused (field
    // "recipient.email", rule "required").
    void send_link_by_email(const domain::Actor& actor, const CaseAtHand& at_hand,
                            const std::string& share_id, const LinkMailFacts& facts);
    void send_link_by_email(const domain::Actor& actor, const std::string& share_id,
                            const LinkMailFacts& facts);

    // Within the policy (not in the past, not beyond the maximum from now).
    void change_expiry(const domain::Actor& actor, const CaseAtHand& at_hand,
                       const std::string& share_id, domain::Timestamp expires_at);
    void change_expiry(const domain::Actor& actor, const std::string& share_id,
                       domain::Timestamp expires_at);

    // Changes how the recipient proves to be the recipient: a new password, a switch to or from
    // one-time codes, or no protection at all. Checked by the same rules as create()
    // (check_protection_choice) against the share's stored recipient. Ends every portal session
    // of the share on every instance: sessions are rows, deleted in the same transaction, and the
    // share's password generation moves on so a session read meanwhile is dead too.
    void change_protection(const domain::Actor& actor, const CaseAtHand& at_hand,
                           const std::string& share_id, const domain::ProtectionChoice& choice);
    void change_protection(const domain::Actor& actor, const std::string& share_id,
                           const domain::ProtectionChoice& choice);

    // Sets (1..kMaxDownloadLimit) or, with nothing, removes the download limit. A limit below the
    // downloads already counted is refused ("download_limit", "download_limit_below_used").
    void change_download_limit(const domain::Actor& actor, const CaseAtHand& at_hand,
                               const std::string& share_id, std::optional<std::int64_t> limit);
    void change_download_limit(const domain::Actor& actor, const std::string& share_id,
                               std::optional<std::int64_t> limit);

    // Shows or hides one item. Showing an item not yet listed adds it, which is how items added
    // to the case later become visible; it must exist in the case (the snapshot's items, so
    // `at_hand` must hold the item's section).
    void set_item_visible(const domain::Actor& actor, const CaseAtHand& at_hand,
                          const std::string& share_id, domain::Section section,
                          const std::string& item_id, bool visible);
    void set_item_visible(const domain::Actor& actor, const std::string& share_id,
                          domain::Section section, const std::string& item_id, bool visible);
    void set_section_included(const domain::Actor& actor, const CaseAtHand& at_hand,
                              const std::string& share_id, domain::Section section, bool included);
    void set_section_included(const domain::Actor& actor, const std::string& share_id,
                              domain::Section section, bool included);

    // Forgets every counter the portal keeps for the share (tries and delays of every client, code
    // sends, the code-limit alert's mark), so whoever they held back may try again at once.
    // Audited as "share.reset_counters".
    void reset_counters(const domain::Actor& actor, const CaseAtHand& at_hand,
                        const std::string& share_id);
    void reset_counters(const domain::Actor& actor, const std::string& share_id);

    // Revocations take effect at once (the portal re-checks every request). Return how many.
    void revoke(const domain::Actor& actor, const CaseAtHand& at_hand, const std::string& share_id);
    void revoke(const domain::Actor& actor, const std::string& share_id);
    int revoke_case(const domain::Actor& actor, const CaseAtHand& at_hand);
    int revoke_case(const domain::Actor& actor, const std::string& case_id);
    // Organisation-wide: the caller (ABI layer) has checked that the actor is an administrator.
    int revoke_organisation(const domain::Actor& actor);

    // The case-list column: one entry per id, in order.
    std::vector<domain::CaseShareSummary> column_summary(const domain::Actor& actor,
                                                         const std::vector<std::string>& case_ids);

    std::vector<domain::AccessEvent> access_log_for_share(const domain::Actor& actor,
                                                          const std::string& share_id,
                                                          domain::Page page);
    std::vector<domain::AccessEvent> access_log_for_case(const domain::Actor& actor,
                                                         const CaseAtHand& at_hand,
                                                         domain::Page page);
    std::vector<domain::AccessEvent> access_log_for_case(const domain::Actor& actor,
                                                         const std::string& case_id,
                                                         domain::Page page);

    // Host events, already committed by the host. `organisation_id` from the event's context.
    int on_case_closed(const std::string& organisation_id, const std::string& case_id);
    int on_case_deleted(const std::string& organisation_id, const std::string& case_id);
    int on_attachment_deleted(const std::string& organisation_id, const std::string& case_id,
                              const std::string& attachment_id);
    int on_user_removed(const std::string& organisation_id, const std::string& user_id);

  private:
    // The share, which must belong to the case at hand.
    domain::Share share_in(const domain::Actor& actor, const CaseAtHand& at_hand,
                           const std::string& share_id);
    // The case of a share for a caller without a CaseAtHand: NotFound for a share of another
    // organisation, the case's errors otherwise.
    CaseAtHand case_of_share(const domain::Actor& actor, const std::string& share_id,
                             domain::CaseParts parts = domain::CaseParts::details_only());
    domain::AuditEntry audit(const domain::Actor& actor, const domain::Share& share,
                             const std::string& action, const std::string& details) const;
    std::string url_for(const std::string& token) const;

    store::Store& store_;
    CaseAccess& cases_;
    const crypto::SecretBox& box_;
    crypto::PasswordHasher& hasher_;
    PolicyResolver policies_;
    std::string public_url_;
    ShareJournal* journal_;
};

}  // namespace es::app
