// The owner alerts the portal raises (portal::OwnerAlerts): "your link was opened" the first time
// the recipient reaches the content of a share whose owner asked for it, and "someone keeps
// trying wrong passwords/codes" and "the link's security codes for this hour are used up", each
// at most once per share per hour. Each is queued in the transaction that records it
// (store::OwnerAlertRepository), so several requests or plugin instances racing on the same share
// queue it once.
//
// The owner's name and address come from the host's directory at the moment of the alert. An
// owner the host no longer knows, or one without a valid address, gets nothing: the share is
// marked all the same (no retry at every request) and a warning logged. When the host or the
// database cannot answer, the alert is left for the next request and a warning logged; the
// recipient's request never fails because of an alert.
//
// The organisation's licence is not checked here: the portal answers links of inactive
// organisations like unknown ones, so no alert can be raised for them.
//
// Threading: [any-thread]; the directory and repository are thread-safe.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "app/expiry_reminder_job.hpp"
#include "notify/outbox_rows.hpp"
#include "portal/owner_alerts.hpp"
#include "store/owner_alert_repository.hpp"

namespace es::app {

class OwnerAlertService : public portal::OwnerAlerts {
  public:
    // An attacker must not be able to fill the owner's mailbox: one failed-tries alert per share
    // per interval, however many clients guess.
    static constexpr std::chrono::seconds kFailedTriesInterval{60 * 60};

    using Log = std::function<void(const std::string&)>;  // warnings, without secrets
    using Wake = std::function<void()>;                   // a message was queued

    OwnerAlertService(store::OwnerAlertRepository& alerts, ExpiryReminderJob::Directory& directory,
                      Log log, Wake wake = {})
        : alerts_(alerts), directory_(directory), log_(std::move(log)), wake_(std::move(wake)) {}

    void opened(const domain::Share& share, Access access) noexcept override;
    void tries_failed(const domain::Share& share, portal::Attempt attempt, int share_failures,
                      bool throttled) noexcept override;
    void code_limit_reached(const domain::Share& share, int per_hour) noexcept override;

  private:
    // The facts of the share's alert, or nothing when its owner is gone (removed or inactive).
    // Throws when the host cannot answer now.
    std::optional<notify::ShareFacts> owner_facts(const domain::Share& share);
    // The outcome of a mark: wake the worker, or say why nothing was sent.
    void queued(bool marked, const std::optional<domain::OutboxMessage>& message,
                const domain::Share& share, const std::string& what, const std::string& why_none);
    void log(const std::string& text) const noexcept;
    // One alert `what` of `share`, when `due()`: `compose(facts, now)` writes the message (an
    // owner who is gone or has no valid address gets none), `mark(message)` records it and says
    // whether this call was the first. A failure is logged, and nothing is marked: the next event
    // tries again.
    template <class Due, class Compose, class Mark>
    void alert(const domain::Share& share, const std::string& what, Due due, Compose compose,
               Mark mark) noexcept;

    store::OwnerAlertRepository& alerts_;
    ExpiryReminderJob::Directory& directory_;
    Log log_;
    Wake wake_;
};

}  // namespace es::app
