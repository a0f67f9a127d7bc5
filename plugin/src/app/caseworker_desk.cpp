#include "app/caseworker_desk.hpp"

#include <Poco/JSON/Parser.h>

#include <map>
#include <set>

#include "domain/download_limit.hpp"
#include "domain/error.hpp"
#include "domain/validation_failed.hpp"
#include "text/time_text.hpp"
#include "ui/download_limit_field.hpp"
#include "ui/protection_dialog.hpp"
#include "ui/protection_field.hpp"
#include "ui/share_dialog.hpp"
#include "ui/share_panel.hpp"
#include "ui/share_result.hpp"
#include "ui/shares_column.hpp"
#include "ui/texts.hpp"

namespace es::app {

namespace {

using domain::Error;
using ui::Json;

Json parse_payload(std::string_view payload_json) {
    try {
        auto value =
            Poco::JSON::Parser().parse(std::string(payload_json.empty() ? "{}" : payload_json));
        return value.extract<Json>();
    } catch (const Poco::Exception&) {
        throw Error(Error::Kind::InvalidInput, "the payload is not a JSON object");
    }
}

std::string required_text(const Json& payload, const char* name) {
    if (!payload->has(name) || !payload->get(name).isString()) {
        throw Error(Error::Kind::InvalidInput, std::string("the payload lacks ") + name);
    }
    return payload->getValue<std::string>(name);
}

Json result(const char* type) {
    return ui::element({{"type", type}});
}

Json close_with(const std::string& level, const std::string& text) {
    Json out = result("close");
    out->set("notice", ui::notice(level, text));
    out->set("refresh", true);
    return out;
}

}  // namespace

CaseworkerDesk::CaseworkerDesk(CaseworkerPorts ports) : ports_(std::move(ports)) {}

bool CaseworkerDesk::handles(std::string_view id) {
    return id.rfind("external-sharing.", 0) == 0;
}

bool CaseworkerDesk::active_for(const domain::Actor& actor) {
    return ports_.module_active(actor.organisation_id);
}

bool CaseworkerDesk::can_share(const domain::Actor& actor, const CaseAtHand& at_hand) {
    // The admin page's per-case-type switch is a policy override, so the policy includes it.
    return at_hand.policy.enabled() && ports_.may_create_shares(actor.organisation_id);
}

std::optional<bool> CaseworkerDesk::sharing_for(const domain::Actor& actor,
                                                std::string_view case_id) {
    try {
        return can_share(actor, ports_.shares.open_case(actor, std::string(case_id),
                                                        domain::CaseParts::details_only()));
    } catch (const Error& e) {
        if (e.kind() == Error::Kind::NotFound) {
            return std::nullopt;
        }
        throw;
    }
}

LinkMailFacts CaseworkerDesk::mail_facts(const domain::Actor& actor) const {
    LinkMailFacts facts;
    facts.organisation_name = actor.organisation_id;
    const std::optional<std::string> stored =
        ports_.store.organisation_settings().value(actor.organisation_id, "display_name");
    if (stored) {
        facts.organisation_name = *stored;
    }
    try {
        const auto user = ports_.host.user(actor, actor.user_id);
        if (!user) {
            return facts;
        }
        facts.sender_name = user->display_name;
        facts.sender_email = user->email;
        if (!user->organisation_name.empty()) {
            facts.organisation_name = user->organisation_name;
            // The portal shows recipients the organisation's name from our own database (it has
            // no user to ask the host with); keep it in step with the host's.
            if (stored != user->organisation_name) {
                ports_.store.organisation_settings().set_value(
                    actor.organisation_id, "display_name", user->organisation_name);
            }
        }
    } catch (const Error&) {
        // The sender is acting right now, so the host knows them; if not, the mail still goes out
        // without a sender name rather than not at all.
    }
    return facts;
}

std::string CaseworkerDesk::creator_name(const domain::Actor& actor,
                                         const domain::Share& share) const {
    const domain::Language lang = actor.locale;
    if (share.creator_removed) {
        return ui::text(lang, "panel.removed_user");
    }
    if (!share.creator_name.empty()) {
        return share.creator_name;
    }
    // A share made before the name was kept with it.
    try {
        const auto user = ports_.host.user(actor, share.creator_user_id);
        return user ? user->display_name : ui::text(lang, "panel.removed_user");
    } catch (const Error&) {
        return ui::text(lang, "panel.removed_user");
    }
}

std::string CaseworkerDesk::render_panel(const domain::Actor& actor,
                                         std::string_view case_id_view) {
    const std::string case_id(case_id_view);
    const domain::Language lang = actor.locale;
    ui::SharePanelInput in;
    in.language = lang;
    if (!active_for(actor)) {
        // Nothing is listed while the module is off: the links do not work either. The case is
        // still read, so that a user who may not see it learns nothing.
        ports_.shares.open_case(actor, case_id, domain::CaseParts::details_only());
        in.notice = ui::text(lang, "inactive.notice");
        in.can_share = false;
        return ui::stringify(ui::share_panel(in));
    }
    const CaseAtHand at_hand = ports_.shares.open_case(actor, case_id, domain::CaseParts::all());
    in.time_zone = at_hand.policy.time_zone();
    in.now = ports_.store.database_now();
    if (!at_hand.policy.enabled()) {
        in.notice = ui::text(lang, "case_type_disabled.notice");
        in.can_share = false;
    }
    // Names of creators the host had to be asked for, once each.
    std::map<std::string, std::string> asked;
    for (auto& overview : ports_.shares.list(actor, at_hand)) {
        ui::SharePanelRow row;
        if (overview.status == domain::ShareStatus::Active) {
            row.private_url = ports_.shares.link_of(overview.share);
        }
        const domain::Share& share = overview.share;
        if (share.creator_removed || !share.creator_name.empty()) {
            row.creator_name = creator_name(actor, share);
        } else {
            auto it = asked.find(share.creator_user_id);
            if (it == asked.end()) {
                it = asked.emplace(share.creator_user_id, creator_name(actor, share)).first;
            }
            row.creator_name = it->second;
        }
        row.messages = ports_.store.outbox().for_share(share.id);
        row.overview = std::move(overview);
        in.rows.push_back(std::move(row));
    }
    in.access_log = ports_.shares.access_log_for_case(actor, at_hand, domain::Page{0, 100});
    in.snapshot = &at_hand.snapshot;
    in.user_agents = ports_.user_agents;
    return ui::stringify(ui::share_panel(in));
}

Json CaseworkerDesk::open_dialog(const domain::Actor& actor, const CaseAtHand& at_hand,
                                 const Json& payload) {
    if (!can_share(actor, at_hand)) {
        throw Error(Error::Kind::Denied, "sharing is not available for this case");
    }
    ui::ShareDialogInput in;
    in.language = actor.locale;
    in.snapshot = &at_hand.snapshot;
    in.policy = &at_hand.policy;
    in.now = ports_.store.database_now();
    in.new_recipient = payload->has("new_recipient") && payload->get("new_recipient").isBoolean() &&
                       payload->getValue<bool>("new_recipient");
    return ui::share_dialog(in);
}

Json CaseworkerDesk::create(const domain::Actor& actor, const CaseAtHand& at_hand,
                            const Json& payload) {
    if (!can_share(actor, at_hand)) {
        throw Error(Error::Kind::Denied, "sharing is not available for this case");
    }
    const domain::Language lang = actor.locale;
    const domain::Timestamp now = ports_.store.database_now();
    try {
        domain::ShareRequest request =
            ui::read_share_form(payload, at_hand.snapshot, at_hand.policy, now, actor.locale);
        // Also records the organisation's display name for the recipient's pages.
        const LinkMailFacts facts = mail_facts(actor);
        request.creator_name = facts.sender_name;
        CreatedShare created = ports_.shares.create(actor, at_hand, request, facts);
        ports_.wake_notifications();
        return ui::share_result_dialog({lang, at_hand.policy.time_zone()}, created,
                                       ui::send_email_chosen(payload));
    } catch (const domain::ValidationFailed& failure) {
        ui::ShareDialogInput in;
        in.language = lang;
        in.snapshot = &at_hand.snapshot;
        in.policy = &at_hand.policy;
        in.now = now;
        in.submitted = payload;
        in.errors = ui::field_errors(failure, lang);
        return ui::share_dialog(in);
    }
}

Json CaseworkerDesk::row_action(const domain::Actor& actor, const std::string& action,
                                const CaseAtHand& at_hand, const Json& payload) {
    const domain::Language lang = actor.locale;
    const std::string share_id = required_text(payload, "share_id");
    if (action == "external-sharing.revoke") {
        ports_.shares.revoke(actor, at_hand, share_id);
        return result("refresh");
    }
    // Every other row action needs a live module.
    if (!active_for(actor)) {
        throw Error(Error::Kind::Denied, "External Sharing is not active for this organisation");
    }
    const domain::ShareOverview overview = [&] {
        for (auto& o : ports_.shares.list(actor, at_hand)) {
            if (o.share.id == share_id) {
                return o;
            }
        }
        throw Error(Error::Kind::NotFound, "no such link in this case");
    }();
    const domain::Share& share = overview.share;
    if (action == "external-sharing.details") {
        return link_details(actor, at_hand, overview);
    }
    if (action == "external-sharing.preview") {
        Json out = result("open_url");
        out->set("url", ports_.preview_url(actor.organisation_id, share_id, actor.user_id));
        return out;
    }
    if (action == "external-sharing.reset-counters") {
        ports_.shares.reset_counters(actor, at_hand, share_id);
        return close_with("success", ui::text(lang, "toast.counters_reset"));
    }
    if (action == "external-sharing.reveal-password") {
        auto password = ports_.shares.reveal_password(actor, at_hand, share_id);
        if (!password) {
            throw Error(Error::Kind::NotFound, "this link has no password");
        }
        return ui::password_dialog(lang, *password);
    }
    const domain::Policy& policy = at_hand.policy;
    const domain::Timestamp now = ports_.store.database_now();
    if (action == "external-sharing.edit-expiry") {
        return ui::expiry_dialog(lang, share, policy, now, {});
    }
    if (action == "external-sharing.save-expiry") {
        return save_expiry_and_limit(actor, lang, at_hand, share, now, payload);
    }
    if (action == "external-sharing.edit-protection") {
        return ui::protection_dialog(lang, share, policy, "", "", {});
    }
    if (action == "external-sharing.save-protection") {
        return save_protection(actor, lang, at_hand, share, payload);
    }
    if (action == "external-sharing.edit-items") {
        return ui::items_dialog({lang, policy.time_zone()}, share,
                                ports_.shares.selection(actor, at_hand, share_id),
                                at_hand.snapshot);
    }
    if (action == "external-sharing.save-items") {
        return save_items(actor, lang, at_hand, share_id, payload);
    }
    if (action == "external-sharing.send-email") {
        const bool send = payload->has("send_email") && payload->getValue<bool>("send_email");
        if (!send) {
            return close_with("info", ui::text(lang, "toast.not_sent"));
        }
        ports_.shares.send_link_by_email(actor, at_hand, share_id, mail_facts(actor));
        ports_.wake_notifications();
        return close_with("success", ui::fill(ui::text(lang, "result.sent"), "email",
                                              share.recipient.email.value_or("")));
    }
    throw Error(Error::Kind::InvalidInput, "unknown action '" + action + "'");
}

Json CaseworkerDesk::link_details(const domain::Actor& actor, const CaseAtHand& at_hand,
                                  const domain::ShareOverview& overview) {
    ui::SharePanelInput in;
    in.language = actor.locale;
    in.time_zone = at_hand.policy.time_zone();
    in.now = ports_.store.database_now();
    ui::SharePanelRow row;
    row.overview = overview;
    row.creator_name = creator_name(actor, overview.share);
    row.messages = ports_.store.outbox().for_share(overview.share.id);
    return ui::link_details_dialog(in, row,
                                   ports_.shares.selection(actor, at_hand, overview.share.id),
                                   at_hand.snapshot.items());
}

Json CaseworkerDesk::save_items(const domain::Actor& actor, domain::Language lang,
                                const CaseAtHand& at_hand, const std::string& share_id,
                                const Json& payload) {
    const domain::Selection current = ports_.shares.selection(actor, at_hand, share_id);
    auto selection = payload->has("selection") ? payload->getObject("selection") : nullptr;
    if (!selection) {
        throw Error(Error::Kind::InvalidInput, "the payload lacks selection");
    }
    const domain::CaseItems existing = at_hand.snapshot.items();
    for (domain::Section s : domain::kAllSections) {
        auto group = selection->getObject(std::string(domain::to_text(s)));
        if (!group) {
            continue;
        }
        const bool included = !group->has("included") || group->getValue<bool>("included");
        if (included != current.includes_section(s)) {
            ports_.shares.set_section_included(actor, at_hand, share_id, s, included);
        }
        std::set<std::string> ticked;
        if (auto ids = group->getArray("items")) {
            for (unsigned i = 0; i < ids->size(); ++i) {
                ticked.insert(ids->getElement<std::string>(i));
            }
        }
        for (const auto& id : existing.of(s)) {
            const bool want = ticked.count(id) != 0;
            const bool now_visible = current.lists(s, id) && current.is_visible(s, id, existing);
            if (want != now_visible && (want || current.lists(s, id))) {
                ports_.shares.set_item_visible(actor, at_hand, share_id, s, id, want);
            }
        }
    }
    return close_with("success", ui::text(lang, "toast.items_saved"));
}

Json CaseworkerDesk::save_expiry_and_limit(const domain::Actor& actor, domain::Language lang,
                                           const CaseAtHand& at_hand, const domain::Share& share,
                                           domain::Timestamp now, const Json& payload) {
    const domain::Policy& policy = at_hand.policy;
    const std::string typed_limit =
        payload->has(ui::share_form::kDownloadLimit) &&
                payload->get(ui::share_form::kDownloadLimit).isString()
            ? payload->getValue<std::string>(ui::share_form::kDownloadLimit)
            : std::string();
    domain::Violations problems;
    std::optional<std::int64_t> limit;
    ui::read_download_limit(payload, ui::share_form::kDownloadLimit, limit, problems);
    domain::check_download_limit(limit, "download_limit", problems);
    const std::string typed_date =
        payload->has("expires_on") && payload->get("expires_on").isString()
            ? payload->getValue<std::string>("expires_on")
            : std::string();
    const auto expires = text::end_of_day(typed_date, policy.time_zone());
    // The date shown is the current expiry's: left as it is, the expiry keeps its time of day.
    const bool new_date = typed_date != text::local_date(share.expires_at, policy.time_zone());
    if (!expires) {
        problems.push_back({"expires_at", "date_format", "Give a date as YYYY-MM-DD."});
    } else if (new_date) {
        // The service checks again; checking here first means neither change is made when the
        // other one is refused.
        policy.check_expiry(*expires, now, "expires_at", problems);
    }
    try {
        if (!problems.empty()) {
            throw domain::ValidationFailed(problems);
        }
        if (limit != share.download_limit) {
            ports_.shares.change_download_limit(actor, at_hand, share.id, limit);
        }
        if (new_date) {
            ports_.shares.change_expiry(actor, at_hand, share.id, *expires);
        }
    } catch (const domain::ValidationFailed& failure) {
        return ui::expiry_dialog(lang, share, policy, now, ui::field_errors(failure, lang),
                                 typed_limit);
    }
    return close_with("success",
                      ui::fill(ui::text(lang, "toast.expiry_changed"), "date",
                               text::date_time_text(new_date ? *expires : share.expires_at,
                                                    {lang, policy.time_zone()})));
}

Json CaseworkerDesk::save_protection(const domain::Actor& actor, domain::Language lang,
                                     const CaseAtHand& at_hand, const domain::Share& share,
                                     const Json& payload) {
    const domain::Policy& policy = at_hand.policy;
    auto text_of = [&](const char* name) {
        return payload->has(name) && payload->get(name).isString()
                   ? payload->getValue<std::string>(name)
                   : std::string();
    };
    const std::string selected = text_of(ui::share_form::kProtection);
    const std::string typed_password = text_of(ui::share_form::kPassword);
    const auto mode = ui::protection_mode(selected);
    if (!mode) {
        domain::ValidationFailed failure(
            {{"protection", "protection_choice", "Choose a protection."}});
        return ui::protection_dialog(lang, share, policy, "", "", ui::field_errors(failure, lang));
    }
    // Taking the protection away is asked once more; the removal counts only when confirmed.
    if (*mode == domain::Protection::None && share.protection != domain::Protection::None &&
        text_of("confirmed") != "yes") {
        return ui::remove_protection_confirmation(lang, share);
    }
    domain::ProtectionChoice choice;
    choice.mode = *mode;
    if (domain::needs_password(*mode)) {
        choice.password = typed_password;
    }
    try {
        ports_.shares.change_protection(actor, at_hand, share.id, choice);
    } catch (const domain::ValidationFailed& failure) {
        return ui::protection_dialog(lang, share, policy, selected, typed_password,
                                     ui::field_errors(failure, lang));
    }
    return close_with("success", ui::text(lang, "toast.protection_changed"));
}

std::string CaseworkerDesk::invoke(const domain::Actor& actor, std::string_view action_view,
                                   std::string_view case_id_view, std::string_view payload_json) {
    const std::string action(action_view);
    const std::string case_id(case_id_view);
    const Json payload = parse_payload(payload_json);
    if (case_id.empty()) {
        throw Error(Error::Kind::NotFound, "case not found");
    }
    if (action == "external-sharing.close") {
        return ui::stringify(result("close"));
    }
    // One read of the case for the whole request; it also proves the user may see it. The
    // dialogs list the case's items; every other action needs the case type (the policy).
    const bool lists_items =
        action == "external-sharing.share" || action == "external-sharing.create" ||
        action == "external-sharing.edit-items" || action == "external-sharing.save-items" ||
        action == "external-sharing.details";
    const CaseAtHand at_hand = ports_.shares.open_case(
        actor, case_id, lists_items ? domain::CaseParts::all() : domain::CaseParts::details_only());
    if (action == "external-sharing.share") {
        return ui::stringify(open_dialog(actor, at_hand, payload));
    }
    if (action == "external-sharing.create") {
        return ui::stringify(create(actor, at_hand, payload));
    }
    if (action == "external-sharing.revoke-case") {
        const int n = ports_.shares.revoke_case(actor, at_hand);
        Json out = close_with("success", ui::count_text(actor.locale, "toast.revoked_all", n));
        return ui::stringify(out);
    }
    return ui::stringify(row_action(actor, action, at_hand, payload));
}

std::string CaseworkerDesk::column_values(const domain::Actor& actor,
                                          const std::vector<std::string>& case_ids) {
    if (!active_for(actor)) {
        return ui::stringify(ui::empty_shares_column(case_ids.size()));
    }
    return ui::stringify(ui::shares_column(ports_.shares.time_reader(actor),
                                           ports_.shares.column_summary(actor, case_ids)));
}

}  // namespace es::app
