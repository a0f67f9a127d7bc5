#include "app/module.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <dm/cpp/error.hpp>
#include <dm/cpp/sink.hpp>

#include <filesystem>
#include <thread>

#include "app/case_journal.hpp"
#include "app/caseworker_desk.hpp"
#include "app/host_case_access.hpp"
#include "app/host_reminder_directory.hpp"
#include "app/licence_admin_panel.hpp"
#include "app/maintenance_job.hpp"
#include "app/notifications.hpp"
#include "app/owner_alert_service.hpp"
#include "app/policy_resolver.hpp"
#include "app/portal_adapters.hpp"
#include "app/share_service.hpp"
#include "config/settings_loader.hpp"
#include "crypto/password_hasher.hpp"
#include "crypto/secret_box.hpp"
#include "domain/error.hpp"
#include "licence/database_clock.hpp"
#include "licence/host_directory.hpp"
#include "licence/licence_service.hpp"
#include "licence/licence_verifier.hpp"
#include "net/usable_cores.hpp"
#include "portal/portal.hpp"
#include "store/organisation_time_zone.hpp"
#include "store/store.hpp"
#include "text/user_agent_parser.hpp"
#include "ui/ids.hpp"
#include "ui/texts.hpp"
#include "ui/view_json.hpp"

namespace es::app {

namespace {

std::string base_directory(const std::string& config_path, const std::string& data_directory) {
    if (!data_directory.empty()) {
        return data_directory;
    }
    return std::filesystem::absolute(config_path).parent_path().string();
}

domain::Actor actor_of(const dm::Context& ctx) {
    return domain::Actor{ctx.organisation_id, ctx.user_id, domain::parse_language(ctx.locale)};
}

// One line per dm.cases 1.1 function the host lacks, saying what the module does without it, so
// an operator sees why once, at start, instead of at every call.
void note_missing_functions(const host::HostAdapter& host) {
    const std::string abi = host.host_abi();
    const std::string speaks = "host speaks ABI " + abi.substr(0, abi.rfind('.'));
    const bool v1_0 = abi.rfind("1.0.", 0) == 0;
    if (!host.reads_case_in_one_call()) {
        host.log(host::LogLevel::Info,
                 speaks + (v1_0 ? "" : " but offers no read_case") +
                     ": each case is read with the three 1.0 calls (details, journal, "
                     "attachments)");
    }
    if (!host.writes_journal_entries()) {
        host.log(host::LogLevel::Info, speaks + (v1_0 ? "" : " but offers no add_journal_entry") +
                                           ": journal entries are not written");
    }
}

ui::Json contribution(const char* id, const std::string& title, const char* icon,
                      const char* scope) {
    return ui::element({{"id", id}, {"title", title}, {"icon", icon}, {"scope", scope}});
}

}  // namespace

Module::Module(const dm_host* host, std::string config_path, std::string data_directory)
    : host_(host), data_directory_(std::move(data_directory)) {
    if (config_path.empty()) {
        throw dm::Error(DM_ERR_INVALID_ARGUMENT,
                        "no configuration file given (dm_init_args.config_path is empty)");
    }
    if (!host_.offers_required_services()) {
        throw dm::Error(DM_ERR_UNSUPPORTED,
                        "the host must provide dm.cases/1 and dm.directory/1 to run External "
                        "Sharing");
    }
    settings_ = config::load_settings(config_path, base_directory(config_path, data_directory_));
    if (!data_directory_.empty()) {
        std::filesystem::create_directories(data_directory_);
    }
    if (settings_.crypto.create_missing_key_file && !settings_.crypto.key_file.empty() &&
        crypto::ensure_dev_key_file(settings_.crypto.key_file)) {
        host_.log(host::LogLevel::Warning,
                  "created a development sealing key file " + settings_.crypto.key_file +
                      " (crypto.create_missing_key_file); never do this in "
                      "production");
    }

    store_ = store::open_store(settings_.storage);
    // The zone an admin chose counts wherever a time is formatted: wired before anything copies
    // the settings.
    store::use_chosen_time_zones(settings_.organisation, store_->organisation_settings());
    MaintenanceJob::Options upkeep;
    upkeep.interval = std::chrono::minutes(settings_.storage.maintenance_interval_minutes);
    upkeep.access_log_retention_days = settings_.storage.access_log_retention_days;
    upkeep.session_idle = std::chrono::minutes(settings_.portal.session_idle_minutes);
    secret_box_ =
        std::make_unique<crypto::SecretBox>(crypto::SecretBox::from_settings(settings_.crypto));
    upkeep.secrets = secret_box_.get();
    maintenance_ = std::make_unique<MaintenanceJob>(
        *store_, upkeep, [this](MaintenanceJob::LogLevel level, const std::string& text) {
            host_.log(level == MaintenanceJob::LogLevel::Error ? host::LogLevel::Error
                                                               : host::LogLevel::Info,
                      text);
        });
    maintenance_->start();
    // A full queue answers 503 at once instead of parking every portal thread behind Argon2.
    // Hashes at once: one per usable core by default, so that a container's CPU limit (not the
    // host's core count) also bounds the memory they take (memory_kib each).
    config::Argon2Settings argon2 = settings_.crypto.argon2;
    if (argon2.max_in_flight == 0) {
        argon2.max_in_flight = net::usable_cores();
    }
    password_hasher_ = std::make_unique<crypto::PasswordHasher>(argon2, 64);
    note_missing_functions(host_);
    case_access_ = std::make_unique<HostCaseAccess>(host_);
    journal_ = std::make_unique<CaseJournal>(host_, *store_, settings_.organisation);
    policies_ = std::make_unique<PolicyResolver>(settings_.policy, store_->organisation_settings(),
                                                 settings_.organisation);
    shares_ = std::make_unique<ShareService>(
        *store_, *case_access_, *secret_box_, *password_hasher_, settings_.policy,
        settings_.portal.public_url, journal_.get(), settings_.organisation);

    licence_clock_ = std::make_unique<licence::DatabaseClock>(store_->licences());
    licence_verifier_ = std::make_unique<licence::LicenceVerifier>(
        licence::LicenceVerifier::from_settings(settings_.licensing, config_path));
    directory_ = std::make_unique<licence::HostDirectory>(host_);
    licences_ = std::make_unique<licence::LicenceService>(
        store_->licences(), *licence_clock_, *licence_verifier_, settings_.licensing,
        [this](const std::string& organisation_id) {
            return host_.active_user_count(organisation_id);
        });
    admin_panel_ = std::make_unique<LicenceAdminPanel>(
        *licences_, *directory_, settings_.policy,
        [this](const domain::Actor& actor) {
            return static_cast<std::int64_t>(shares_->revoke_organisation(actor));
        },
        // Called at render time only, when notifications_ (made below) exists.
        [this](const std::string& organisation_id, int limit) {
            return notifications_->failed_messages(organisation_id, limit);
        },
        &store_->organisation_settings(), &settings_.organisation);

    notifications_ = std::make_unique<Notifications>(
        settings_, *store_, *secret_box_, host_, [this](const std::string& organisation_id) {
            return licences_->is_active(organisation_id);
        });
    notifications_->start();

    portal_adapters_ = std::make_unique<PortalAdapters>(*licences_, *shares_);
    owner_directory_ =
        std::make_unique<HostReminderDirectory>(host_, store_->organisation_settings());
    owner_alerts_ = std::make_unique<OwnerAlertService>(
        store_->owner_alerts(), *owner_directory_,
        [this](const std::string& text) { host_.log(host::LogLevel::Warning, text); },
        // The portal's alerts leave at once instead of at the worker's next poll.
        [this] { notifications_->wake(); });
    if (settings_.portal.enabled) {
        portal_ = std::make_unique<portal::Portal>(
            settings_,
            portal::PortalPorts{*store_, host_, *policies_, *portal_adapters_, *secret_box_,
                                *password_hasher_, *portal_adapters_, *owner_alerts_, *journal_});
        portal_->start();
        host_.log(host::LogLevel::Info, "External Sharing portal listening on " +
                                            settings_.portal.listen_address + ":" +
                                            std::to_string(portal_->port()) +
                                            ", links start with " + settings_.portal.public_url);
    }

    // Read on the first access log shown; a missing file is told once and the log shows strings.
    user_agents_ = std::make_unique<text::UserAgentParser>(
        settings_.storage.user_agent_regexes_file,
        [this](const std::string& text) { host_.log(host::LogLevel::Warning, text); });
    desk_ = std::make_unique<CaseworkerDesk>(CaseworkerPorts{
        host_, *shares_, *store_,
        [this](const std::string& organisation_id, const std::string& share_id,
               const std::string& user_id) {
            if (!portal_) {
                throw domain::Error(domain::Error::Kind::Unavailable,
                                    "the portal is disabled in this installation");
            }
            return portal_->create_preview_ticket(organisation_id, share_id, user_id);
        },
        [this](const std::string& organisation_id) {
            return licences_->is_active(organisation_id);
        },
        [this](const std::string& organisation_id) {
            return licences_->may_create_shares(organisation_id);
        },
        [this] { notifications_->wake(); }, user_agents_.get()});
    host_.log(host::LogLevel::Info, "External Sharing started with " + config_path + " on " +
                                        std::string(store_->backend()));
}

Module::~Module() {
    // Stop accepting work first, then the worker; members then go in reverse order.
    if (portal_) {
        portal_->stop();
    }
    if (notifications_) {
        notifications_->stop();
    }
    if (maintenance_) {
        maintenance_->stop();
    }
    host_.log(host::LogLevel::Info, "External Sharing stopped");
}

int Module::portal_port() const {
    return portal_ ? portal_->port() : 0;
}

std::string Module::contributions(const dm::Context& ctx, std::string_view case_id) {
    const domain::Language lang = domain::parse_language(ctx.locale);
    ui::JsonArray actions = ui::array();
    ui::JsonArray panels = ui::array();
    ui::JsonArray columns = ui::array();
    if (case_id.empty()) {
        // What may appear in the organisation: the column (empty while inactive), the admin page.
        panels->add(contribution(ui::kAdminPanel, ui::text(lang, "admin.title"), "settings",
                                 "organisation"));
        ui::Json column =
            ui::element({{"id", ui::kSharesColumn}, {"title", ui::text(lang, "column.title")}});
        column->set("default_visible", false);
        columns->add(column);
        if (desk_->active_for(actor_of(ctx))) {
            actions->add(
                contribution(ui::kShareAction, ui::text(lang, "action.share"), "share", "case"));
        }
    } else if (const auto sharing = desk_->sharing_for(actor_of(ctx), case_id)) {
        if (*sharing) {
            actions->add(
                contribution(ui::kShareAction, ui::text(lang, "action.share"), "share", "case"));
        }
        // The panel stays even when sharing is off: it explains why and how to turn it on.
        panels->add(contribution(ui::kCasePanel, ui::text(lang, "panel.title"), "link", "case"));
    }
    ui::Json out = ui::object();
    // The module's own name in the user's language (the entry's name is one fixed string): hosts
    // show it as the heading of its menu items, in the column chooser and on its admin card.
    out->set("name", ui::text(lang, "module.name"));
    out->set("actions", actions);
    out->set("panels", panels);
    out->set("columns", columns);
    return ui::stringify(out);
}

std::string Module::invoke_action(const dm::Context& ctx, std::string_view action_id,
                                  std::string_view case_id, std::string_view payload_json) {
    if (LicenceAdminPanel::handles(action_id)) {
        return admin_panel_->invoke(actor_of(ctx), action_id, payload_json);
    }
    if (CaseworkerDesk::handles(action_id)) {
        return desk_->invoke(actor_of(ctx), action_id, case_id, payload_json);
    }
    throw dm::Error(DM_ERR_UNSUPPORTED, "unknown action '" + std::string(action_id) + "'");
}

std::string Module::render_panel(const dm::Context& ctx, std::string_view panel_id,
                                 std::string_view case_id) {
    if (panel_id == ui::kAdminPanel) {
        return admin_panel_->render(actor_of(ctx));
    }
    if (panel_id == ui::kCasePanel) {
        return desk_->render_panel(actor_of(ctx), case_id);
    }
    throw dm::Error(DM_ERR_UNSUPPORTED, "unknown panel '" + std::string(panel_id) + "'");
}

std::string Module::column_values(const dm::Context& ctx, std::string_view column_id,
                                  const std::vector<std::string>& case_ids) {
    if (column_id != ui::kSharesColumn) {
        throw dm::Error(DM_ERR_UNSUPPORTED, "unknown column '" + std::string(column_id) + "'");
    }
    return desk_->column_values(actor_of(ctx), case_ids);
}

void Module::on_event(const dm::Context& ctx, const dm_event& event) {
    const std::string case_id(dm::to_view(event.case_id));
    switch (event.kind) {
        case DM_EVENT_CASE_CLOSED:
            shares_->on_case_closed(ctx.organisation_id, case_id);
            return;
        case DM_EVENT_CASE_DELETED:
            shares_->on_case_deleted(ctx.organisation_id, case_id);
            return;
        case DM_EVENT_ATTACHMENT_DELETED:
            shares_->on_attachment_deleted(ctx.organisation_id, case_id,
                                           std::string(dm::to_view(event.attachment_id)));
            return;
        case DM_EVENT_USER_REMOVED:
            shares_->on_user_removed(ctx.organisation_id, std::string(dm::to_view(event.user_id)));
            return;
        case DM_EVENT_ORGANISATION_LICENCE_CHANGED:
            // Licence state lives in our database and is read on every request; nothing cached.
            return;
    }
    throw dm::Error(DM_ERR_UNSUPPORTED, "unknown event kind " + std::to_string(event.kind));
}

}  // namespace es::app
