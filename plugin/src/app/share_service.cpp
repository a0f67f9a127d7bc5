#include "app/share_service.hpp"

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "app/secret_reseal.hpp"
#include "crypto/token.hpp"
#include "domain/contact.hpp"
#include "domain/download_limit.hpp"
#include "domain/throttle_key.hpp"
#include "domain/validation_failed.hpp"
#include "notify/outbox_rows.hpp"
#include "text/unicode_text.hpp"

namespace es::app {

namespace {

// The host closed or deleted the case (`reason`): the system revokes every share of it, each with
// its audit entry. Returns how many were live.
int revoke_case_for_host(store::Store& store, const std::string& organisation_id,
                         const std::string& case_id, const std::string& reason) {
    const std::string actor = "system:" + reason;
    const domain::AuditEntry entry{0,
                                   organisation_id,
                                   case_id,
                                   "",
                                   actor,
                                   {},
                                   "share.revoke",
                                   R"({"reason":")" + reason + R"("})"};
    return static_cast<int>(
        store.shares().revoke_case(organisation_id, case_id, actor, entry).size());
}

using domain::Error;
using domain::Violations;

std::string json(const Poco::JSON::Object& o) {
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

// What the link e-mail says about its share, the same whether the share is new or its link is
// sent later.
notify::ShareFacts link_mail_facts(const domain::Share& share, const LinkMailFacts& mail) {
    notify::ShareFacts facts = notify::share_facts(share);
    facts.organisation_name = mail.organisation_name;
    facts.owner_name = mail.sender_name;
    facts.owner_email = mail.sender_email;
    return facts;
}

// A name as the panel, the e-mails and the journal show it: at most 200 bytes of valid UTF-8,
// without control characters, line breaks, or marks that draw nothing but reorder or hide what
// follows (U+202E and the like).
bool readable_name(const std::string& s) {
    return s.size() <= 200 && !text::has_hidden_marks(s) && domain::utf8_code_points(s) >= 0;
}

// Checks and normalises the recipient in place.
void check_recipient(domain::Recipient& r, Violations& out) {
    auto blank_to_none = [](std::optional<std::string>& v) {
        if (v && v->find_first_not_of(" \t") == std::string::npos) {
            v.reset();
        }
    };
    blank_to_none(r.name);
    blank_to_none(r.email);
    blank_to_none(r.phone);
    if (r.name && !readable_name(*r.name)) {
        out.push_back({"recipient.name", "name_format",
                       "must be at most 200 characters of text without line breaks or "
                       "invisible characters"});
    }
    if (r.email && !domain::is_valid_email(*r.email)) {
        out.push_back({"recipient.email", "email_format", "is not a valid e-mail address"});
    }
    if (r.phone) {
        if (auto normal = domain::normalise_phone(*r.phone)) {
            r.phone = *normal;
        } else {
            out.push_back({"recipient.phone", "phone_format",
                           "must be an international number such as +41 79 123 45 67"});
        }
    }
}

// The creator's name as the host gave it, if it fits the column as recipient names do; else none
// (the panel then asks the host), since a strange name must not stop the share.
std::string storable_name(const std::string& name) {
    if (!readable_name(name)) {
        return {};
    }
    return name;
}

}  // namespace

ShareService::ShareService(store::Store& store, CaseAccess& cases, const crypto::SecretBox& box,
                           crypto::PasswordHasher& hasher, const config::PolicyConfig& policy,
                           std::string public_url, ShareJournal* journal,
                           config::OrganisationSettings organisations)
    : store_(store),
      cases_(cases),
      box_(box),
      hasher_(hasher),
      policies_(policy, store.organisation_settings(), std::move(organisations)),
      public_url_(std::move(public_url)),
      journal_(journal) {}

CaseAtHand ShareService::open_case(const domain::Actor& actor, const std::string& case_id,
                                   domain::CaseParts parts) {
    parts.details = true;
    domain::CaseSnapshot snapshot = cases_.read_case(actor, case_id, parts);
    domain::Policy policy = policies_.resolve(actor.organisation_id, snapshot.case_type_id);
    return CaseAtHand{std::move(snapshot), std::move(policy)};
}

text::TimeReader ShareService::time_reader(const domain::Actor& actor) const {
    return {actor.locale, policies_.time_zone_of(actor.organisation_id)};
}

domain::Policy ShareService::policy_for(const domain::Actor& actor,
                                        const std::string& case_type_id) {
    return policies_.resolve(actor.organisation_id, case_type_id);
}

CreatedShare ShareService::create(const domain::Actor& actor, const domain::ShareRequest& in,
                                  const LinkMailFacts& mail) {
    std::optional<CaseAtHand> at_hand;
    try {
        at_hand = open_case(actor, in.case_id);
    } catch (const Error& e) {
        if (e.kind() == Error::Kind::NotFound) {
            throw domain::ValidationFailed({{"case_id", "case_not_found", "no such case"}});
        }
        if (e.kind() == Error::Kind::Denied) {
            throw domain::ValidationFailed(
                {{"case_id", "case_access_denied", "you may not access this case"}});
        }
        throw;
    }
    return create(actor, *at_hand, in, mail);
}

CreatedShare ShareService::create(const domain::Actor& actor, const CaseAtHand& at_hand,
                                  const domain::ShareRequest& in, const LinkMailFacts& mail) {
    if (in.case_id != at_hand.case_id()) {
        throw Error(Error::Kind::Internal, "the request names another case than the one read");
    }
    Violations v;
    const domain::Policy& policy = at_hand.policy;
    if (!policy.enabled()) {
        throw domain::ValidationFailed(
            {{"case_id", "module_disabled", "external sharing is off for this case type"}});
    }

    domain::Recipient recipient = in.recipient;
    check_recipient(recipient, v);
    if (in.delivery == domain::Delivery::EmailedLink && !in.recipient.email) {
        v.push_back({"recipient.email", "required", "an e-mailed link needs an e-mail address"});
    }

    const domain::Timestamp now = store_.database_now();
    const domain::Timestamp expires_at =
        in.expires_at ? *in.expires_at : policy.default_expiry(in.delivery, now);
    policy.check_expiry(expires_at, now, "expires_at", v);

    const domain::Protection protection = in.protection.mode;
    const domain::CodeChannel channel =
        domain::check_protection_choice(policy, in.protection, recipient, v);
    const bool with_password = domain::needs_password(protection);
    domain::check_download_limit(in.download_limit, "download_limit", v);
    if (in.sections.empty()) {
        v.push_back({"sections", "required", "share at least one part of the case"});
    }

    const domain::CaseItems existing = at_hand.snapshot.items();
    domain::Selection selection;
    if (in.items) {
        for (domain::Section s : in.sections) {
            selection.include_section(s, true);
        }
        for (std::size_t i = 0; i < in.items->size(); ++i) {
            const auto& item = (*in.items)[i];
            if (!existing.contains(item.section, item.item_id)) {
                v.push_back({"items[" + std::to_string(i) + "]", "unknown_item",
                             "the case has no such " + std::string(domain::to_text(item.section)) +
                                 " item"});
            } else {
                selection.set_visible(item.section, item.item_id, item.visible);
            }
        }
    } else {
        selection = domain::Selection::everything_in(existing, in.sections);
    }
    if (!v.empty()) {
        throw domain::ValidationFailed(std::move(v));
    }

    domain::Share share;
    share.id = crypto::new_share_id();
    share.organisation_id = actor.organisation_id;
    share.case_id = in.case_id;
    share.creator_user_id = actor.user_id;
    share.creator_name = storable_name(in.creator_name);
    share.recipient = recipient;
    share.created_at = now;
    share.expires_at = expires_at;
    share.protection = protection;
    share.code_channel = channel;
    share.locale = in.locale;
    share.delivery = in.delivery;
    share.download_limit = in.download_limit;
    share.notify_owner_on_open = in.notify_owner_on_open;
    const std::string token = crypto::new_token();
    share.secrets.token_hash = crypto::token_hash(token);
    share.secrets.sealed_token = box_.seal(token, token_purpose(share.id));
    if (with_password) {
        // The expensive part runs before the transaction, so no database lock waits on Argon2.
        share.secrets.password_hash = hasher_.hash(*in.protection.password);
        share.secrets.sealed_password =
            box_.seal(*in.protection.password, password_purpose(share.id));
    }

    std::vector<domain::OutboxMessage> outbox;
    if (in.delivery == domain::Delivery::EmailedLink) {
        outbox.push_back(notify::share_link_row(link_mail_facts(share, mail), *recipient.email,
                                                share.secrets.sealed_token, share.expires_at, now));
    }

    Poco::JSON::Object details;
    details.set("recipient_email", recipient.email.value_or(""));
    details.set("recipient_phone", recipient.phone.value_or(""));
    details.set("expires_at", domain::to_epoch_ms(share.expires_at));
    details.set("protection", std::string(domain::to_text(share.protection)));
    details.set("delivery", std::string(domain::to_text(share.delivery)));
    if (share.download_limit) {
        details.set("download_limit", *share.download_limit);
    }
    store_.shares().create(share, selection, outbox,
                           audit(actor, share, "share.create", json(details)));
    if (journal_ != nullptr) {
        journal_->created(actor, share, selection, at_hand.snapshot);
    }
    return CreatedShare{share, url_for(token)};
}

std::vector<ShareOverview> ShareService::list(const domain::Actor& actor,
                                              const CaseAtHand& at_hand) {
    const domain::Timestamp now = store_.database_now();
    std::vector<ShareOverview> out;
    for (auto& l : store_.shares().list_for_case(actor.organisation_id, at_hand.case_id())) {
        const auto status = l.share.status_at(now);
        out.push_back(ShareOverview{std::move(l.share), status, l.last_access});
    }
    return out;
}

std::vector<ShareOverview> ShareService::list(const domain::Actor& actor,
                                              const std::string& case_id) {
    return list(actor, open_case(actor, case_id));
}

std::string ShareService::link_of(const domain::Share& share) const {
    return url_for(box_.open(share.secrets.sealed_token, token_purpose(share.id)));
}

std::string ShareService::private_url(const domain::Actor& actor, const std::string& share_id) {
    const CaseAtHand at_hand = case_of_share(actor, share_id);
    return link_of(share_in(actor, at_hand, share_id));
}

std::optional<std::string> ShareService::reveal_password(const domain::Actor& actor,
                                                         const CaseAtHand& at_hand,
                                                         const std::string& share_id) {
    const auto share = share_in(actor, at_hand, share_id);
    if (!share.secrets.sealed_password) {
        return std::nullopt;
    }
    return box_.open(*share.secrets.sealed_password, password_purpose(share.id));
}

std::optional<std::string> ShareService::reveal_password(const domain::Actor& actor,
                                                         const std::string& share_id) {
    return reveal_password(actor, case_of_share(actor, share_id), share_id);
}

domain::Selection ShareService::selection(const domain::Actor& actor, const CaseAtHand& at_hand,
                                          const std::string& share_id) {
    share_in(actor, at_hand, share_id);
    return store_.shares().selection(share_id);
}

domain::Selection ShareService::selection(const domain::Actor& actor, const std::string& share_id) {
    return selection(actor, case_of_share(actor, share_id), share_id);
}

void ShareService::send_link_by_email(const domain::Actor& actor, const CaseAtHand& at_hand,
                                      const std::string& share_id, const LinkMailFacts& facts) {
    const auto share = share_in(actor, at_hand, share_id);
    if (!share.recipient.email) {
        throw domain::ValidationFailed(
            {{"recipient.email", "required", "The link has no recipient e-mail address."}});
    }
    const domain::Timestamp now = store_.database_now();
    // The expiry the caseworker chose stays: the policy's e-mail default (24 hours) is offered
    // in the share dialog when e-mail is chosen, never applied behind the caseworker's back here,
    // which would also cut the direct link they copied (it is the same link).
    const domain::Timestamp expires_at = share.expires_at;
    Violations v;
    at_hand.policy.check_expiry(expires_at, now, "expires_at", v);
    if (!v.empty()) {
        throw domain::ValidationFailed(std::move(v));
    }
    const domain::OutboxMessage m =
        notify::share_link_row(link_mail_facts(share, facts), *share.recipient.email,
                               share.secrets.sealed_token, expires_at, now);
    Poco::JSON::Object details;
    details.set("to", *share.recipient.email);
    details.set("expires_at", domain::to_epoch_ms(expires_at));
    if (!store_.shares().send_by_email(actor.organisation_id, share_id, expires_at, m,
                                       audit(actor, share, "share.send_email", json(details)))) {
        throw Error(Error::Kind::Conflict, "the share was revoked; it cannot be sent");
    }
}

void ShareService::send_link_by_email(const domain::Actor& actor, const std::string& share_id,
                                      const LinkMailFacts& facts) {
    send_link_by_email(actor, case_of_share(actor, share_id), share_id, facts);
}

void ShareService::change_expiry(const domain::Actor& actor, const CaseAtHand& at_hand,
                                 const std::string& share_id, domain::Timestamp expires_at) {
    const auto share = share_in(actor, at_hand, share_id);
    Violations v;
    at_hand.policy.check_expiry(expires_at, store_.database_now(), "expires_at", v);
    if (!v.empty()) {
        throw domain::ValidationFailed(std::move(v));
    }
    Poco::JSON::Object details;
    details.set("from", domain::to_epoch_ms(share.expires_at));
    details.set("to", domain::to_epoch_ms(expires_at));
    if (!store_.shares().change_expiry(actor.organisation_id, share_id, expires_at,
                                       audit(actor, share, "share.expiry", json(details)))) {
        throw Error(Error::Kind::Conflict, "the share was revoked; its expiry cannot change");
    }
    if (journal_ != nullptr) {
        domain::Share after = share;
        after.expires_at = expires_at;
        journal_->changed(actor, after, ShareJournal::Change::Expiry);
    }
}

void ShareService::change_expiry(const domain::Actor& actor, const std::string& share_id,
                                 domain::Timestamp expires_at) {
    change_expiry(actor, case_of_share(actor, share_id), share_id, expires_at);
}

void ShareService::change_protection(const domain::Actor& actor, const CaseAtHand& at_hand,
                                     const std::string& share_id,
                                     const domain::ProtectionChoice& choice) {
    const auto share = share_in(actor, at_hand, share_id);
    Violations v;
    const domain::CodeChannel channel =
        domain::check_protection_choice(at_hand.policy, choice, share.recipient, v);
    if (!v.empty()) {
        throw domain::ValidationFailed(std::move(v));
    }
    std::optional<std::string> hash;
    std::optional<std::string> sealed;
    if (domain::needs_password(choice.mode)) {
        hash = hasher_.hash(*choice.password);
        sealed = box_.seal(*choice.password, password_purpose(share.id));
    }
    Poco::JSON::Object details;
    details.set("from", std::string(domain::to_text(share.protection)));
    details.set("to", std::string(domain::to_text(choice.mode)));
    details.set("new_password", hash.has_value());
    if (!store_.shares().change_protection(
            actor.organisation_id, share_id, hash, sealed, choice.mode, channel,
            audit(actor, share, "share.protection", json(details)))) {
        throw Error(Error::Kind::Conflict, "the share was revoked; its protection cannot change");
    }
    if (journal_ != nullptr) {
        domain::Share after = share;
        after.protection = choice.mode;
        after.code_channel = channel;
        journal_->changed(actor, after, ShareJournal::Change::Protection);
    }
}

void ShareService::change_protection(const domain::Actor& actor, const std::string& share_id,
                                     const domain::ProtectionChoice& choice) {
    change_protection(actor, case_of_share(actor, share_id), share_id, choice);
}

void ShareService::change_download_limit(const domain::Actor& actor, const CaseAtHand& at_hand,
                                         const std::string& share_id,
                                         std::optional<std::int64_t> limit) {
    const auto share = share_in(actor, at_hand, share_id);
    Violations v;
    domain::check_download_limit(limit, "download_limit", v);
    if (v.empty() && limit && *limit < share.downloads_used) {
        v.push_back({"download_limit", "download_limit_below_used",
                     "must not be below the " + std::to_string(share.downloads_used) +
                         " downloads already made"});
    }
    if (!v.empty()) {
        throw domain::ValidationFailed(std::move(v));
    }
    Poco::JSON::Object details;
    details.set("from", share.download_limit ? Poco::Dynamic::Var(*share.download_limit)
                                             : Poco::Dynamic::Var());
    details.set("to", limit ? Poco::Dynamic::Var(*limit) : Poco::Dynamic::Var());
    switch (store_.shares().change_download_limit(
        actor.organisation_id, share_id, limit,
        audit(actor, share, "share.download_limit", json(details)))) {
        case store::LimitChange::Changed:
            if (journal_ != nullptr) {
                domain::Share after = share;
                after.download_limit = limit;
                journal_->changed(actor, after, ShareJournal::Change::DownloadLimit);
            }
            return;
        case store::LimitChange::BelowUsed:
            // A download was counted between the check above and the change.
            throw domain::ValidationFailed({{"download_limit", "download_limit_below_used",
                                             "must not be below the downloads already made"}});
        case store::LimitChange::NotChangeable:
            break;
    }
    throw Error(Error::Kind::Conflict, "the share was revoked; its download limit cannot change");
}

void ShareService::change_download_limit(const domain::Actor& actor, const std::string& share_id,
                                         std::optional<std::int64_t> limit) {
    change_download_limit(actor, case_of_share(actor, share_id), share_id, limit);
}

void ShareService::set_item_visible(const domain::Actor& actor, const CaseAtHand& at_hand,
                                    const std::string& share_id, domain::Section section,
                                    const std::string& item_id, bool visible) {
    const auto share = share_in(actor, at_hand, share_id);
    if (visible && !at_hand.snapshot.items().contains(section, item_id)) {
        throw domain::ValidationFailed({{"item_id", "unknown_item", "the case has no such item"}});
    }
    Poco::JSON::Object details;
    details.set("section", std::string(domain::to_text(section)));
    details.set("item_id", item_id);
    if (!store_.shares().set_item_visible(
            actor.organisation_id, share_id, section, item_id, visible,
            audit(actor, share, visible ? "item.show" : "item.hide", json(details)))) {
        throw Error(Error::Kind::Conflict, "the share was revoked; it cannot change");
    }
}

void ShareService::set_item_visible(const domain::Actor& actor, const std::string& share_id,
                                    domain::Section section, const std::string& item_id,
                                    bool visible) {
    set_item_visible(actor, case_of_share(actor, share_id, domain::CaseParts::all()), share_id,
                     section, item_id, visible);
}

void ShareService::set_section_included(const domain::Actor& actor, const CaseAtHand& at_hand,
                                        const std::string& share_id, domain::Section section,
                                        bool included) {
    const auto share = share_in(actor, at_hand, share_id);
    Poco::JSON::Object details;
    details.set("section", std::string(domain::to_text(section)));
    if (!store_.shares().set_section_included(
            actor.organisation_id, share_id, section, included,
            audit(actor, share, included ? "section.include" : "section.exclude", json(details)))) {
        throw Error(Error::Kind::Conflict, "the share was revoked; it cannot change");
    }
}

void ShareService::set_section_included(const domain::Actor& actor, const std::string& share_id,
                                        domain::Section section, bool included) {
    set_section_included(actor, case_of_share(actor, share_id), share_id, section, included);
}

void ShareService::reset_counters(const domain::Actor& actor, const CaseAtHand& at_hand,
                                  const std::string& share_id) {
    const auto share = share_in(actor, at_hand, share_id);
    store_.throttle().reset_prefix(domain::share_throttle_prefix(share.id),
                                   audit(actor, share, "share.reset_counters", "{}"));
}

void ShareService::reset_counters(const domain::Actor& actor, const std::string& share_id) {
    reset_counters(actor, case_of_share(actor, share_id), share_id);
}

void ShareService::revoke(const domain::Actor& actor, const CaseAtHand& at_hand,
                          const std::string& share_id) {
    const auto share = share_in(actor, at_hand, share_id);
    // Revoking twice is not an error: the owner's wish (no access) holds either way.
    const bool revoked = store_.shares().revoke(actor.organisation_id, share_id, actor.user_id,
                                                audit(actor, share, "share.revoke", "{}"));
    if (revoked && journal_ != nullptr) {
        journal_->revoked(actor, {share});
    }
}

void ShareService::revoke(const domain::Actor& actor, const std::string& share_id) {
    revoke(actor, case_of_share(actor, share_id), share_id);
}

int ShareService::revoke_case(const domain::Actor& actor, const CaseAtHand& at_hand) {
    domain::Share none;
    none.organisation_id = actor.organisation_id;
    none.case_id = at_hand.case_id();
    // Read first: the journal names the links, and the store answers only their ids.
    const auto before = store_.shares().list_for_case(actor.organisation_id, at_hand.case_id());
    const auto ids =
        store_.shares().revoke_case(actor.organisation_id, at_hand.case_id(), actor.user_id,
                                    audit(actor, none, "share.revoke_case", "{}"));
    if (journal_ != nullptr && !ids.empty()) {
        std::vector<domain::Share> revoked;
        for (const auto& l : before) {
            if (std::find(ids.begin(), ids.end(), l.share.id) != ids.end()) {
                revoked.push_back(l.share);
            }
        }
        journal_->revoked(actor, revoked);
    }
    return static_cast<int>(ids.size());
}

int ShareService::revoke_case(const domain::Actor& actor, const std::string& case_id) {
    return revoke_case(actor, open_case(actor, case_id));
}

int ShareService::revoke_organisation(const domain::Actor& actor) {
    domain::Share none;
    none.organisation_id = actor.organisation_id;
    const auto ids =
        store_.shares().revoke_organisation(actor.organisation_id, actor.user_id,
                                            audit(actor, none, "share.revoke_organisation", "{}"));
    if (journal_ != nullptr) {
        // One entry per case, naming its links.
        std::map<std::string, std::vector<domain::Share>> by_case;
        for (const auto& id : ids) {
            if (auto share = store_.shares().find(actor.organisation_id, id)) {
                by_case[share->case_id].push_back(*share);
            }
        }
        for (const auto& [case_id, shares] : by_case) {
            journal_->revoked(actor, shares);
        }
    }
    return static_cast<int>(ids.size());
}

std::vector<domain::CaseShareSummary> ShareService::column_summary(
    const domain::Actor& actor, const std::vector<std::string>& case_ids) {
    return store_.shares().active_share_summary(actor.organisation_id, case_ids);
}

std::vector<domain::AccessEvent> ShareService::access_log_for_share(const domain::Actor& actor,
                                                                    const std::string& share_id,
                                                                    domain::Page page) {
    share_in(actor, case_of_share(actor, share_id), share_id);
    return store_.access_log().for_share(actor.organisation_id, share_id, page);
}

std::vector<domain::AccessEvent> ShareService::access_log_for_case(const domain::Actor& actor,
                                                                   const CaseAtHand& at_hand,
                                                                   domain::Page page) {
    return store_.access_log().for_case(actor.organisation_id, at_hand.case_id(), page);
}

std::vector<domain::AccessEvent> ShareService::access_log_for_case(const domain::Actor& actor,
                                                                   const std::string& case_id,
                                                                   domain::Page page) {
    return access_log_for_case(actor, open_case(actor, case_id), page);
}

int ShareService::on_case_closed(const std::string& organisation_id, const std::string& case_id) {
    return revoke_case_for_host(store_, organisation_id, case_id, "case_closed");
}

int ShareService::on_case_deleted(const std::string& organisation_id, const std::string& case_id) {
    return revoke_case_for_host(store_, organisation_id, case_id, "case_deleted");
}

int ShareService::on_attachment_deleted(const std::string& organisation_id,
                                        const std::string& case_id,
                                        const std::string& attachment_id) {
    Poco::JSON::Object details;
    details.set("section", "attachments");
    details.set("item_id", attachment_id);
    domain::AuditEntry entry{0,  organisation_id, case_id,      "", "system:attachment_deleted",
                             {}, "item.remove",   json(details)};
    return store_.shares().remove_item(organisation_id, case_id, domain::Section::Attachments,
                                       attachment_id, entry);
}

int ShareService::on_user_removed(const std::string& organisation_id, const std::string& user_id) {
    Poco::JSON::Object details;
    details.set("user_id", user_id);
    domain::AuditEntry entry{0,  organisation_id, "",           "", "system:user_removed",
                             {}, "owner.removed", json(details)};
    return store_.shares().mark_creator_removed(organisation_id, user_id, entry);
}

domain::Share ShareService::share_in(const domain::Actor& actor, const CaseAtHand& at_hand,
                                     const std::string& share_id) {
    auto share = store_.shares().find(actor.organisation_id, share_id);
    if (!share || share->case_id != at_hand.case_id()) {
        throw Error(Error::Kind::NotFound, "no such share");
    }
    return *share;
}

CaseAtHand ShareService::case_of_share(const domain::Actor& actor, const std::string& share_id,
                                       domain::CaseParts parts) {
    const auto share = store_.shares().find(actor.organisation_id, share_id);
    if (!share) {
        throw Error(Error::Kind::NotFound, "no such share");
    }
    try {
        return open_case(actor, share->case_id, parts);
    } catch (const Error& e) {
        if (e.kind() == Error::Kind::NotFound || e.kind() == Error::Kind::Denied) {
            throw Error(Error::Kind::Denied, "you may not access the case of this share");
        }
        throw;
    }
}

domain::AuditEntry ShareService::audit(const domain::Actor& actor, const domain::Share& share,
                                       const std::string& action,
                                       const std::string& details) const {
    return domain::AuditEntry{
        0, share.organisation_id, share.case_id, share.id, actor.user_id, {}, action, details};
}

std::string ShareService::url_for(const std::string& token) const {
    return public_url_ + "/s/" + token;
}

}  // namespace es::app
