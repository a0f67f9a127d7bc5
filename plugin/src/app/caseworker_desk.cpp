#include "app/caseworker_desk.hpp"

#include <Poco/JSON/Parser.h>

#include "app/host_case_access.hpp"
#include "domain/download_limit.hpp"
#include "domain/error.hpp"
#include "domain/validation_failed.hpp"
#include "ui/dates.hpp"
#include "ui/download_limit_field.hpp"
#include "ui/protection_dialog.hpp"
#include "ui/protection_field.hpp"
#include "ui/share_dialog.hpp"
#include "ui/share_panel.hpp"
#include "ui/share_result.hpp"
#include "ui/texts.hpp"

namespace es::app {

namespace {

using domain::Error;
using ui::Json;

domain::Actor actor_of(const dm::Context& ctx) {
    return domain::Actor{ctx.organisation_id, ctx.user_id, domain::parse_locale(ctx.locale)};
}

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

bool CaseworkerDesk::active_for(const dm::Context& ctx) {
    return ports_.module_active(ctx.organisation_id);
}

ui::CaseSnapshot CaseworkerDesk::snapshot(const dm::Context& ctx,
                                          const std::string& case_id) const {
    try {
        return ui::CaseSnapshot::parse(ports_.host.case_details(ctx, case_id),
                                       ports_.host.journal_entries(ctx, case_id),
                                       ports_.host.attachments(ctx, case_id));
    } catch (const dm::Error& e) {
        if (e.status() == DM_ERR_NOT_FOUND || e.status() == DM_ERR_DENIED) {
            throw Error(Error::Kind::NotFound, "case not found");
        }
        throw Error(Error::Kind::Unavailable, e.what());
    }
}

domain::Policy CaseworkerDesk::policy_for(const domain::Actor& actor,
                                          const ui::CaseSnapshot& snapshot) {
    return ports_.shares.policy_for(actor, snapshot.case_type_id);
}

bool CaseworkerDesk::can_share(const dm::Context& ctx, std::string_view case_id) {
    if (!ports_.may_create_shares(ctx.organisation_id) || !ports_.host.may_access(ctx, case_id)) {
        return false;
    }
    const std::string type =
        HostCaseAccess(ports_.host).case_type(actor_of(ctx), std::string(case_id)).value_or("");
    // The admin page's per-case-type switch is a policy override, so policy_for includes it.
    return !type.empty() && ports_.shares.policy_for(actor_of(ctx), type).enabled();
}

LinkMailFacts CaseworkerDesk::mail_facts(const dm::Context& ctx) const {
    LinkMailFacts facts;
    facts.organisation_name = ctx.organisation_id;
    const std::optional<std::string> stored =
        ports_.store.organisation_settings().value(ctx.organisation_id, "display_name");
    if (stored) {
        facts.organisation_name = *stored;
    }
    try {
        auto user = Poco::JSON::Parser().parse(ports_.host.user(ctx, ctx.user_id)).extract<Json>();
        auto text_of = [&](const char* key) {
            return user->has(key) && user->get(key).isString() ? user->getValue<std::string>(key)
                                                               : std::string();
        };
        facts.sender_name = text_of("display_name");
        facts.sender_email = text_of("email");
        const std::string host_name = text_of("organisation_name");
        if (!host_name.empty()) {
            facts.organisation_name = host_name;
            // The portal shows recipients the organisation's name from our own database (it has
            // no user to ask the host with); keep it in step with the host's.
            if (stored != host_name) {
                ports_.store.organisation_settings().set_value(ctx.organisation_id, "display_name",
                                                               host_name);
            }
        }
    } catch (const dm::Error&) {
        // The sender is acting right now, so the host knows them; if not, the mail still goes out
        // without a sender name rather than not at all.
    }
    return facts;
}

std::string CaseworkerDesk::creator_name(const dm::Context& ctx, const domain::Share& share) const {
    const ui::Language lang = ui::language_of(ctx.locale);
    if (share.creator_removed) {
        return ui::text(lang, "panel.removed_user");
    }
    try {
        auto user = Poco::JSON::Parser()
                        .parse(ports_.host.user(ctx, share.creator_user_id))
                        .extract<Json>();
        return user->has("display_name") ? user->getValue<std::string>("display_name")
                                         : share.creator_user_id;
    } catch (const dm::Error&) {
        return ui::text(lang, "panel.removed_user");
    }
}

std::string CaseworkerDesk::render_panel(const dm::Context& ctx, std::string_view case_id_view) {
    const std::string case_id(case_id_view);
    const ui::Language lang = ui::language_of(ctx.locale);
    if (!ports_.host.may_access(ctx, case_id)) {
        throw Error(Error::Kind::NotFound, "case not found");
    }
    ui::SharePanelInput in;
    in.language = lang;
    if (!active_for(ctx)) {
        // Nothing is listed while the module is off: the links do not work either.
        in.notice = ui::text(lang, "inactive.notice");
        in.can_share = false;
        return ui::stringify(ui::share_panel(in));
    }
    const domain::Actor actor = actor_of(ctx);
    const ui::CaseSnapshot snap = snapshot(ctx, case_id);
    if (!policy_for(actor, snap).enabled()) {
        in.notice = ui::text(lang, "case_type_disabled.notice");
        in.can_share = false;
    }
    for (auto& overview : ports_.shares.list(actor, case_id)) {
        ui::SharePanelRow row;
        if (overview.status == domain::ShareStatus::Active) {
            row.private_url = ports_.shares.private_url(actor, overview.share.id);
        }
        row.creator_name = creator_name(ctx, overview.share);
        row.messages = ports_.store.outbox().for_share(overview.share.id);
        row.overview = std::move(overview);
        in.rows.push_back(std::move(row));
    }
    in.access_log = ports_.shares.access_log_for_case(actor, case_id, domain::Page{0, 100});
    in.snapshot = &snap;
    return ui::stringify(ui::share_panel(in));
}

Json CaseworkerDesk::open_dialog(const dm::Context& ctx, const std::string& case_id) {
    if (!can_share(ctx, case_id)) {
        throw Error(Error::Kind::Denied, "sharing is not available for this case");
    }
    const ui::CaseSnapshot snap = snapshot(ctx, case_id);
    const domain::Policy policy = policy_for(actor_of(ctx), snap);
    ui::ShareDialogInput in;
    in.language = ui::language_of(ctx.locale);
    in.snapshot = &snap;
    in.policy = &policy;
    in.now = ports_.store.database_now();
    return ui::share_dialog(in);
}

Json CaseworkerDesk::create(const dm::Context& ctx, const std::string& case_id,
                            const Json& payload) {
    if (!can_share(ctx, case_id)) {
        throw Error(Error::Kind::Denied, "sharing is not available for this case");
    }
    const domain::Actor actor = actor_of(ctx);
    const ui::Language lang = ui::language_of(ctx.locale);
    const ui::CaseSnapshot snap = snapshot(ctx, case_id);
    const domain::Policy policy = policy_for(actor, snap);
    const domain::Timestamp now = ports_.store.database_now();
    try {
        domain::ShareRequest request =
            ui::read_share_form(payload, snap, policy, now, actor.locale);
        CreatedShare created = ports_.shares.create(actor, request);
        mail_facts(ctx);  // records the organisation's display name for the recipient's pages
        ports_.wake_notifications();
        return ui::share_result_dialog(lang, created, policy.settings().email_link_expiry_hours);
    } catch (const domain::ValidationFailed& failure) {
        ui::ShareDialogInput in;
        in.language = lang;
        in.snapshot = &snap;
        in.policy = &policy;
        in.now = now;
        in.submitted = payload;
        in.errors = ui::field_errors(failure, lang);
        return ui::share_dialog(in);
    }
}

Json CaseworkerDesk::row_action(const dm::Context& ctx, const std::string& action,
                                const std::string& case_id, const Json& payload) {
    const domain::Actor actor = actor_of(ctx);
    const ui::Language lang = ui::language_of(ctx.locale);
    const std::string share_id = required_text(payload, "share_id");
    if (action == "external-sharing.revoke") {
        ports_.shares.revoke(actor, share_id);
        return result("refresh");
    }
    // Every other row action needs a live module.
    if (!active_for(ctx)) {
        throw Error(Error::Kind::Denied, "External Sharing is not active for this organisation");
    }
    const domain::Share share = [&] {
        for (auto& o : ports_.shares.list(actor, case_id)) {
            if (o.share.id == share_id) {
                return o.share;
            }
        }
        throw Error(Error::Kind::NotFound, "no such link in this case");
    }();
    if (action == "external-sharing.preview") {
        Json out = result("open_url");
        out->set("url", ports_.preview_url(ctx.organisation_id, share_id, ctx.user_id));
        return out;
    }
    if (action == "external-sharing.reset-counters") {
        ports_.shares.reset_counters(actor, share_id);
        return close_with("success", ui::text(lang, "toast.counters_reset"));
    }
    if (action == "external-sharing.reveal-password") {
        auto password = ports_.shares.reveal_password(actor, share_id);
        if (!password) {
            throw Error(Error::Kind::NotFound, "this link has no password");
        }
        return ui::password_dialog(lang, *password);
    }
    const ui::CaseSnapshot snap = snapshot(ctx, case_id);
    const domain::Policy policy = policy_for(actor, snap);
    const domain::Timestamp now = ports_.store.database_now();
    if (action == "external-sharing.edit-expiry") {
        return ui::expiry_dialog(lang, share, policy, now, {});
    }
    if (action == "external-sharing.save-expiry") {
        return save_expiry_and_limit(actor, lang, share, policy, now, payload);
    }
    if (action == "external-sharing.edit-protection") {
        return ui::protection_dialog(lang, share, policy, "", "", {});
    }
    if (action == "external-sharing.save-protection") {
        return save_protection(actor, lang, share, policy, payload);
    }
    if (action == "external-sharing.edit-items") {
        return ui::items_dialog(lang, share, ports_.shares.selection(actor, share_id), snap);
    }
    if (action == "external-sharing.save-items") {
        const domain::Selection current = ports_.shares.selection(actor, share_id);
        auto selection = payload->has("selection") ? payload->getObject("selection") : nullptr;
        if (!selection) {
            throw Error(Error::Kind::InvalidInput, "the payload lacks selection");
        }
        const domain::CaseItems existing = snap.items();
        for (domain::Section s : domain::kAllSections) {
            auto group = selection->getObject(std::string(domain::to_text(s)));
            if (!group) {
                continue;
            }
            const bool included = !group->has("included") || group->getValue<bool>("included");
            if (included != current.includes_section(s)) {
                ports_.shares.set_section_included(actor, share_id, s, included);
            }
            std::set<std::string> ticked;
            if (auto ids = group->getArray("items")) {
                for (unsigned i = 0; i < ids->size(); ++i) {
                    ticked.insert(ids->getElement<std::string>(i));
                }
            }
            for (const auto& id : existing.of(s)) {
                const bool want = ticked.count(id) != 0;
                const bool now_visible =
                    current.lists(s, id) && current.is_visible(s, id, existing);
                if (want != now_visible && (want || current.lists(s, id))) {
                    ports_.shares.set_item_visible(actor, share_id, s, id, want);
                }
            }
        }
        return close_with("success", ui::text(lang, "toast.items_saved"));
    }
    if (action == "external-sharing.send-email") {
        const bool send = payload->has("send_email") && payload->getValue<bool>("send_email");
        if (!send) {
            return close_with("info", ui::text(lang, "toast.not_sent"));
        }
        ports_.shares.send_link_by_email(actor, share_id, mail_facts(ctx));
        ports_.wake_notifications();
        return close_with("success", ui::fill(ui::text(lang, "result.sent"), "email",
                                              share.recipient.email.value_or("")));
    }
    throw Error(Error::Kind::InvalidInput, "unknown action '" + action + "'");
}

Json CaseworkerDesk::save_expiry_and_limit(const domain::Actor& actor, ui::Language lang,
                                           const domain::Share& share, const domain::Policy& policy,
                                           domain::Timestamp now, const Json& payload) {
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
    const auto expires = ui::end_of_day(typed_date);
    // The date shown is the current expiry's: left as it is, the expiry keeps its time of day.
    const bool new_date = typed_date != ui::format_date(share.expires_at);
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
            ports_.shares.change_download_limit(actor, share.id, limit);
        }
        if (new_date) {
            ports_.shares.change_expiry(actor, share.id, *expires);
        }
    } catch (const domain::ValidationFailed& failure) {
        return ui::expiry_dialog(lang, share, policy, now, ui::field_errors(failure, lang),
                                 typed_limit);
    }
    return close_with("success",
                      ui::fill(ui::text(lang, "toast.expiry_changed"), "date",
                               ui::format_date_time(new_date ? *expires : share.expires_at)));
}

Json CaseworkerDesk::save_protection(const domain::Actor& actor, ui::Language lang,
                                     const domain::Share& share, const domain::Policy& policy,
                                     const Json& payload) {
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
        ports_.shares.change_protection(actor, share.id, choice);
    } catch (const domain::ValidationFailed& failure) {
        return ui::protection_dialog(lang, share, policy, selected, typed_password,
                                     ui::field_errors(failure, lang));
    }
    return close_with("success", ui::text(lang, "toast.protection_changed"));
}

std::string CaseworkerDesk::invoke(const dm::Context& ctx, std::string_view action_view,
                                   std::string_view case_id_view, std::string_view payload_json) {
    const std::string action(action_view);
    const std::string case_id(case_id_view);
    const Json payload = parse_payload(payload_json);
    if (case_id.empty() || !ports_.host.may_access(ctx, case_id)) {
        throw Error(Error::Kind::NotFound, "case not found");
    }
    if (action == "external-sharing.share") {
        return ui::stringify(open_dialog(ctx, case_id));
    }
    if (action == "external-sharing.create") {
        return ui::stringify(create(ctx, case_id, payload));
    }
    if (action == "external-sharing.close") {
        return ui::stringify(result("close"));
    }
    if (action == "external-sharing.revoke-case") {
        const int n = ports_.shares.revoke_case(actor_of(ctx), case_id);
        Json out = close_with(
            "success", ui::fill(ui::text(ui::language_of(ctx.locale), "toast.revoked_all"), "count",
                                std::to_string(n)));
        return ui::stringify(out);
    }
    return ui::stringify(row_action(ctx, action, case_id, payload));
}

std::string CaseworkerDesk::column_values(const dm::Context& ctx,
                                          const std::vector<std::string>& case_ids) {
    ui::JsonArray cells = ui::array();
    if (!active_for(ctx)) {
        for (size_t i = 0; i < case_ids.size(); ++i) {
            cells->add(Poco::Dynamic::Var());
        }
        return ui::stringify(cells);
    }
    const ui::Language lang = ui::language_of(ctx.locale);
    const auto summaries = ports_.shares.column_summary(actor_of(ctx), case_ids);
    for (const auto& s : summaries) {
        if (s.active_count == 0 || !s.next_expiry) {
            cells->add(Poco::Dynamic::Var());
            continue;
        }
        std::string tip =
            ui::text(lang, s.active_count == 1 ? "column.tooltip.one" : "column.tooltip.many");
        tip = ui::fill(ui::fill(tip, "count", std::to_string(s.active_count)), "date",
                       ui::format_date(*s.next_expiry));
        Json cell = ui::element(
            {{"icon", "link"}, {"tooltip", tip}, {"text", std::to_string(s.active_count)}});
        cells->add(cell);
    }
    return ui::stringify(cells);
}

}  // namespace es::app
