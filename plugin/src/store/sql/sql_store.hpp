// The Store over an SQL database: one Database (pool + dialect) shared by all repositories.
#pragma once

#include <memory>
#include <string>

#include "store/sql/database.hpp"
#include "store/sql/migration.hpp"
#include "store/sql/migrator.hpp"
#include "store/sql/sql_access_log_repository.hpp"
#include "store/sql/sql_audit_repository.hpp"
#include "store/sql/sql_code_repository.hpp"
#include "store/sql/sql_licence_store.hpp"
#include "store/sql/sql_organisation_settings_repository.hpp"
#include "store/sql/sql_outbox_repository.hpp"
#include "store/sql/sql_owner_alert_repository.hpp"
#include "store/sql/sql_portal_session_repository.hpp"
#include "store/sql/sql_reminder_repository.hpp"
#include "store/sql/sql_share_repository.hpp"
#include "store/sql/sql_throttle_repository.hpp"
#include "store/store.hpp"

namespace es::store::sql {

class SqlStore : public Store {
  public:
    // Connects once and migrates; throws like open_store().
    SqlStore(ConnectionPool::Factory factory, int pool_size, Dialect dialect,
             const std::vector<Migration>& migrations, DdlMode ddl);

    ShareRepository& shares() override { return shares_; }
    CodeRepository& codes() override { return codes_; }
    PortalSessionRepository& sessions() override { return sessions_; }
    ThrottleRepository& throttle() override { return throttle_; }
    AccessLogRepository& access_log() override { return access_log_; }
    AuditRepository& audit() override { return audit_; }
    OutboxRepository& outbox() override { return outbox_; }
    OrganisationSettingsRepository& organisation_settings() override { return settings_; }
    OwnerAlertRepository& owner_alerts() override { return owner_alerts_; }
    ReminderRepository& reminders() override { return reminders_; }
    store::LicenceStore& licences() override { return licences_; }
    void with_snapshot(const std::function<void()>& f) override { db_.with_snapshot(f); }
    domain::Timestamp database_now() override;
    std::string_view backend() const override { return name_; }
    int schema_version() override;

    // For the store's own tests and benchmarks, which reach below the repositories (bulk
    // loading, fault injection). Not part of the Store interface.
    Database& database() { return db_; }

  private:
    std::string name_;
    Database db_;
    SqlShareRepository shares_{db_};
    SqlCodeRepository codes_{db_};
    SqlPortalSessionRepository sessions_{db_};
    SqlThrottleRepository throttle_{db_};
    SqlAccessLogRepository access_log_{db_};
    SqlAuditRepository audit_{db_};
    SqlOutboxRepository outbox_{db_};
    SqlOrganisationSettingsRepository settings_{db_};
    SqlOwnerAlertRepository owner_alerts_{db_};
    SqlReminderRepository reminders_{db_};
    SqlLicenceStore licences_{db_};
};

}  // namespace es::store::sql
