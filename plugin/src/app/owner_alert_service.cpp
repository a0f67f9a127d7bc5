#include "app/owner_alert_service.hpp"

#include "app/owner_share_facts.hpp"
#include "domain/throttle_key.hpp"
#include "notify/invalid_address.hpp"
#include "text/error_text.hpp"

namespace es::app {

namespace {

const char* const kOwnerGone = "its owner is no longer a user";
const char* const kNoAddress = "its owner has no valid e-mail address";

}  // namespace

void OwnerAlertService::log(const std::string& text) const noexcept {
    try {
        if (log_) {
            log_(text);
        }
    } catch (...) {
        // Nowhere left to report to; the recipient's request goes on.
    }
}

std::optional<notify::ShareFacts> OwnerAlertService::owner_facts(const domain::Share& share) {
    if (share.creator_removed) {
        return std::nullopt;
    }
    const auto owner = directory_.owner(share.organisation_id, share.creator_user_id);
    if (!owner) {
        return std::nullopt;
    }
    return owner_share_facts(directory_, share, *owner);
}

void OwnerAlertService::queued(bool marked, const std::optional<domain::OutboxMessage>& message,
                               const domain::Share& share, const std::string& what,
                               const std::string& why_none) {
    if (!marked) {
        return;  // another request or instance recorded it first
    }
    if (message) {
        if (wake_) {
            wake_();
        }
        return;
    }
    log("no " + what + " alert for share " + share.id + " (organisation " + share.organisation_id +
        "): " + why_none);
}

template <class Due, class Compose, class Mark>
void OwnerAlertService::alert(const domain::Share& share, const std::string& what, Due due,
                              Compose compose, Mark mark) noexcept {
    try {
        if (!due()) {
            return;
        }
        const auto now = domain::now_utc();
        std::optional<domain::OutboxMessage> message;
        std::string why_none = kOwnerGone;
        if (auto facts = owner_facts(share)) {
            try {
                message = compose(*facts, now);
            } catch (const notify::InvalidAddress&) {
                why_none = kNoAddress;
            }
        }
        queued(mark(message), message, share, what, why_none);
    } catch (const std::exception& e) {
        log(what + " alert for share " + share.id + " not queued: " + text::error_text(e));
    } catch (...) {
        log(what + " alert for share " + share.id + " not queued");
    }
}

void OwnerAlertService::opened(const domain::Share& share, Access access) noexcept {
    const auto kind =
        access == Access::View ? notify::AccessKind::View : notify::AccessKind::Download;
    alert(
        share, "first-opened",
        // After the first opening this read is all a request costs.
        [&] { return share.notify_owner_on_open && !alerts_.first_opened_at(share.id); },
        [&](const notify::ShareFacts& facts, domain::Timestamp now) {
            return notify::first_opened_row(facts, kind, now, now);
        },
        [&](const auto& message) { return alerts_.mark_first_opened(share.id, message); });
}

void OwnerAlertService::tries_failed(const domain::Share& share, portal::Attempt attempt,
                                     int share_failures, bool throttled) noexcept {
    const auto credential = attempt == portal::Attempt::Password ? notify::Credential::Password
                                                                 : notify::Credential::Code;
    alert(
        share, "failed-tries",
        // Keeps the host out of it while the hour's alert is already out: failures keep coming.
        [&] { return alerts_.failed_attempts_alert_due(share.id, kFailedTriesInterval); },
        [&](const notify::ShareFacts& facts, domain::Timestamp now) {
            return notify::failed_attempts_row(facts, credential, share_failures, throttled, now,
                                               now);
        },
        [&](const auto& message) {
            return alerts_.mark_failed_attempts_alerted(share.id, kFailedTriesInterval, message);
        });
}

void OwnerAlertService::code_limit_reached(const domain::Share& share, int per_hour) noexcept {
    // The mark is one of the share's counters: the owner's "reset counters" re-arms it.
    std::string mark;
    alert(
        share, "code-limit",
        [&] {
            mark = domain::share_throttle_key(share.id, "alert:code_limit");
            return alerts_.code_limit_alert_due(mark, kFailedTriesInterval);
        },
        [&](const notify::ShareFacts& facts, domain::Timestamp now) {
            return notify::code_limit_row(facts, per_hour, now, now);
        },
        [&](const auto& message) {
            return alerts_.mark_code_limit_alerted(mark, kFailedTriesInterval, message);
        });
}

}  // namespace es::app
