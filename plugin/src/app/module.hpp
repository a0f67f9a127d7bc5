// The running plugin: everything `init` builds, reachable from the ABI functions until `deinit`.
//
// One Module lives per process. It is built on the host's main thread in `init` and destroyed in
// `deinit`; in between, the host calls it from many threads at once, so its members are either
// immutable after construction or synchronise themselves. Members are declared in dependency
// order: destruction runs backwards, so the portal and the worker stop before what they use.
#pragma once

#include <dm/ext/events.h>
#include <dm/cpp/context.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/settings.hpp"
#include "host/host_adapter.hpp"

namespace es::store {
class Store;
}  // namespace es::store
namespace es::crypto {
class SecretBox;
class PasswordHasher;
}  // namespace es::crypto
namespace es::licence {
class DatabaseClock;
class LicenceVerifier;
class LicenceService;
class HostDirectory;
}  // namespace es::licence
namespace es::portal {
class Portal;
}
namespace es::text {
class UserAgentParser;
}  // namespace es::text
namespace es::app {

class CaseJournal;
class LicenceAdminPanel;
class HostCaseAccess;
class HostReminderDirectory;
class OwnerAlertService;
class PolicyResolver;
class ShareService;
class CaseworkerDesk;
class PortalAdapters;
class Notifications;
class MaintenanceJob;

class Module {
  public:
    // Throws config::ConfigError, domain::Error or dm::Error when the plugin cannot start; what
    // was already started is stopped again.
    Module(const dm_host* host, std::string config_path, std::string data_directory);
    ~Module();
    Module(const Module&) = delete;
    Module& operator=(const Module&) = delete;

    const config::Settings& settings() const noexcept { return settings_; }
    // The portal's bound port (tests configure port 0); 0 when the portal is disabled.
    int portal_port() const;

    // dm.ui/1 — each returns the JSON the ABI comment describes.
    std::string contributions(const dm::Context& ctx, std::string_view case_id);
    std::string invoke_action(const dm::Context& ctx, std::string_view action_id,
                              std::string_view case_id, std::string_view payload_json);
    std::string render_panel(const dm::Context& ctx, std::string_view panel_id,
                             std::string_view case_id);
    std::string column_values(const dm::Context& ctx, std::string_view column_id,
                              const std::vector<std::string>& case_ids);

    // dm.events/1
    void on_event(const dm::Context& ctx, const dm_event& event);

  private:
    // The host, in the plugin's terms: everything below Module meets the host through it.
    host::HostAdapter host_;
    std::string data_directory_;
    config::Settings settings_;
    std::unique_ptr<store::Store> store_;
    std::unique_ptr<crypto::SecretBox> secret_box_;  // before maintenance_, which uses it
    std::unique_ptr<MaintenanceJob> maintenance_;
    std::unique_ptr<crypto::PasswordHasher> password_hasher_;
    std::unique_ptr<HostCaseAccess> case_access_;
    std::unique_ptr<CaseJournal> journal_;
    std::unique_ptr<PolicyResolver> policies_;
    std::unique_ptr<ShareService> shares_;
    std::unique_ptr<licence::DatabaseClock> licence_clock_;
    std::unique_ptr<licence::LicenceVerifier> licence_verifier_;
    std::unique_ptr<licence::LicenceService> licences_;
    std::unique_ptr<licence::HostDirectory> directory_;
    std::unique_ptr<LicenceAdminPanel> admin_panel_;
    std::unique_ptr<Notifications> notifications_;
    std::unique_ptr<PortalAdapters> portal_adapters_;
    std::unique_ptr<HostReminderDirectory> owner_directory_;
    std::unique_ptr<OwnerAlertService> owner_alerts_;
    std::unique_ptr<portal::Portal> portal_;
    std::unique_ptr<text::UserAgentParser> user_agents_;
    std::unique_ptr<CaseworkerDesk> desk_;
};

}  // namespace es::app
