#include "app/expiry_reminder_job.hpp"

#include "app/owner_share_facts.hpp"
#include "notify/invalid_address.hpp"
#include "notify/outbox_rows.hpp"

namespace es::app {

namespace {

// Small batches keep each read short; the rounds bound one run when thousands are due at once
// (the rest follow at the next run).
constexpr int kBatch = 100;
constexpr int kMaxRounds = 50;

}  // namespace

ExpiryReminderJob::ExpiryReminderJob(store::ReminderRepository& reminders, Directory& directory,
                                     int default_days, OrganisationActive organisation_active,
                                     Log log)
    : reminders_(reminders),
      directory_(directory),
      default_days_(default_days),
      organisation_active_(std::move(organisation_active)),
      log_(std::move(log)) {}

void ExpiryReminderJob::log(LogLevel level, const std::string& text) const {
    if (log_) {
        log_(level, text);
    }
}

ExpiryReminderJob::Outcome ExpiryReminderJob::run(domain::Timestamp now) {
    Outcome outcome;
    for (int round = 0; round < kMaxRounds; ++round) {
        const auto due = reminders_.due_for_reminder(default_days_, kBatch);
        const int left_before = outcome.left;
        for (const auto& share : due) {
            remind(share, now, outcome);
        }
        // A full batch of shares that all had to stay (host away) would come back unchanged.
        const bool progress = outcome.left - left_before < static_cast<int>(due.size());
        if (static_cast<int>(due.size()) < kBatch || !progress) {
            break;
        }
    }
    if (outcome.queued + outcome.without_owner + outcome.inactive > 0) {
        log(LogLevel::Info, "expiry reminders: " + std::to_string(outcome.queued) + " queued, " +
                                std::to_string(outcome.without_owner) + " without owner address, " +
                                std::to_string(outcome.inactive) + " skipped (module not active)");
    }
    return outcome;
}

void ExpiryReminderJob::remind(const domain::Share& share, domain::Timestamp now,
                               Outcome& outcome) {
    if (organisation_active_ && !organisation_active_(share.organisation_id)) {
        if (reminders_.mark_reminded(share.id, share.expires_at, std::nullopt)) {
            ++outcome.inactive;
        } else {
            ++outcome.left;
        }
        return;
    }
    std::optional<Owner> owner;
    if (!share.creator_removed) {
        try {
            owner = directory_.owner(share.organisation_id, share.creator_user_id);
        } catch (const std::exception& e) {
            ++outcome.left;
            log(LogLevel::Warning, "expiry reminder for share " + share.id +
                                       " postponed, the host did not answer: " + e.what());
            return;
        }
    }
    std::optional<domain::OutboxMessage> message;
    std::string why_none = "its owner is no longer a user";
    if (owner) {
        const notify::ShareFacts facts = owner_share_facts(directory_, share, *owner);
        try {
            message = notify::expiry_reminder_row(facts, share.expires_at, now);
        } catch (const notify::InvalidAddress&) {
            why_none = "its owner has no valid e-mail address";
        }
    }
    if (!reminders_.mark_reminded(share.id, share.expires_at, message)) {
        ++outcome.left;  // reminded by another instance, revoked or changed meanwhile
        return;
    }
    if (message) {
        ++outcome.queued;
    } else {
        ++outcome.without_owner;
        log(LogLevel::Warning, "no expiry reminder for share " + share.id + " (organisation " +
                                   share.organisation_id + "): " + why_none);
    }
}

}  // namespace es::app
