// The storage of the module: one object per process, opened at init, shared by every thread.
//
// open_store() connects, applies pending migrations (idempotent, recorded in schema_version) and
// returns the repositories. The plugin keeps no state outside the database, so several host
// processes may share one MySQL/MariaDB. Every table is reached through this interface; nothing
// outside store/ sees the SQL layer.
#pragma once

#include <functional>

#include <memory>
#include <string_view>

#include "config/settings.hpp"
#include "domain/timestamp.hpp"
#include "store/access_log_repository.hpp"
#include "store/audit_repository.hpp"
#include "store/code_repository.hpp"
#include "store/licence_store.hpp"
#include "store/organisation_settings_repository.hpp"
#include "store/outbox_repository.hpp"
#include "store/owner_alert_repository.hpp"
#include "store/portal_session_repository.hpp"
#include "store/reminder_repository.hpp"
#include "store/share_repository.hpp"
#include "store/throttle_repository.hpp"

namespace es::store {

class Store {
  public:
    virtual ~Store() = default;

    // The repositories live as long as the store. [any-thread]
    virtual ShareRepository& shares() = 0;
    virtual CodeRepository& codes() = 0;
    virtual PortalSessionRepository& sessions() = 0;
    virtual ThrottleRepository& throttle() = 0;
    virtual AccessLogRepository& access_log() = 0;
    virtual AuditRepository& audit() = 0;
    virtual OutboxRepository& outbox() = 0;
    virtual OrganisationSettingsRepository& organisation_settings() = 0;
    virtual OwnerAlertRepository& owner_alerts() = 0;
    virtual ReminderRepository& reminders() = 0;
    virtual LicenceStore& licences() = 0;

    // Runs f with this thread's reads of the store on one connection and one consistent state of
    // the database (one read transaction on SQLite). For short groups of reads such as a portal
    // request's policy checks; never around waiting, streaming or host calls, which would hold a
    // connection of the pool and, on SQLite, keep checkpoints from completing. Writes inside f are
    // allowed and end the consistent state. [any-thread]
    virtual void with_snapshot(const std::function<void()>& f) = 0;

    // The database's clock (UTC), which decides expiry everywhere.
    virtual domain::Timestamp database_now() = 0;

    // "sqlite" or "mysql".
    virtual std::string_view backend() const = 0;

    // The schema version after migrations.
    virtual int schema_version() = 0;
};

// Opens the configured backend and migrates it. Throws es::domain::Error (Kind::Unavailable when
// the database cannot be reached; Kind::Internal when a migration fails) or es::config::ConfigError
// for an unreadable MySQL password file/variable.
std::unique_ptr<Store> open_store(const config::StorageSettings& settings);

}  // namespace es::store
