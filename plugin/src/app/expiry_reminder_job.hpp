// The owner alert "your link expires in N days" (policy.expiry_reminder_days; 0 = none), run
// periodically on the outbox worker's thread. For each share the store reports as due, it asks the
// host who the owner is and queues the reminder in the transaction that marks the share reminded,
// so each expiry is reminded once even with several plugin instances on one database.
//
// An owner the host no longer knows (removed, inactive) or without a valid e-mail address gets no
// message; the share is marked all the same and a warning logged, so it is not retried at every
// run. So is a share of an organisation whose module is not active (its links answer like unknown
// ones: there is nothing to extend). When the host cannot answer at all, the share is left for the
// next run.
//
// Threading: run() from one thread at a time (the worker's); the directory is called from it.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "domain/timestamp.hpp"
#include "store/reminder_repository.hpp"

namespace es::app {

class ExpiryReminderJob {
  public:
    struct Owner {
        std::string name;
        std::string email;  // may be empty or malformed: then no reminder
    };

    // What the job needs from the host (HostReminderDirectory over dm.directory and dm.cases).
    class Directory {
      public:
        virtual ~Directory() = default;
        // None when the host no longer knows the user, or they are inactive. Throws anything else
        // when the host cannot answer now.
        virtual std::optional<Owner> owner(const std::string& organisation_id,
                                           const std::string& user_id) = 0;
        virtual std::string organisation_name(const std::string& organisation_id) = 0;
        // The case as its owner knows it (number and title); never throws.
        virtual std::string case_reference(const std::string& organisation_id,
                                           const std::string& case_id) = 0;
    };

    enum class LogLevel { Info, Warning };
    using Log = std::function<void(LogLevel, const std::string&)>;
    // Whether the organisation's module is active (licence); see LicenceService::is_active.
    using OrganisationActive = std::function<bool(const std::string& organisation_id)>;

    struct Outcome {
        int queued = 0;         // reminders written to the outbox
        int without_owner = 0;  // marked without a message (owner gone or no address)
        int inactive = 0;       // marked without a message: the organisation's module is off
        int left = 0;           // not marked: the host could not answer, or another instance won
    };

    // `default_days`: the configured policy.expiry_reminder_days (organisations may override it).
    ExpiryReminderJob(store::ReminderRepository& reminders, Directory& directory, int default_days,
                      OrganisationActive organisation_active, Log log = {});

    // Queues the reminders due now. `now` is only used for the "days left" of the message; which
    // shares are due is decided by the database clock.
    Outcome run(domain::Timestamp now);

  private:
    void remind(const domain::Share& share, domain::Timestamp now, Outcome& outcome);
    void log(LogLevel level, const std::string& text) const;

    store::ReminderRepository& reminders_;
    Directory& directory_;
    int default_days_;
    OrganisationActive organisation_active_;
    Log log_;
};

}  // namespace es::app
