// What the portal tells the share's owner about, through the rest of the module: the recipient
// opened the link for the first time, tries at its password or code keep failing, or its security
// codes for the hour are used up.
//
// The portal decides only what happened (never for the owner's preview or a HEAD request); the
// implementation decides whether an alert is due, who the owner is, and queues the message.
// Called on the recipient's request thread: implementations must be thread-safe, never throw and
// stay cheap once an alert is recorded — a failing alert is logged, the recipient's request goes
// on as if nothing happened.
#pragma once

#include "domain/share.hpp"
#include "portal/attempt_throttle.hpp"

namespace es::portal {

class OwnerAlerts {
  public:
    enum class Access { View, Download };

    virtual ~OwnerAlerts() = default;

    // The recipient reached the content: the case page after any password or code, or the start
    // of a download (single file or zip).
    virtual void opened(const domain::Share& share, Access access) noexcept = 0;

    // A wrong password or code was counted. `share_failures`: the share's failures within the
    // throttle's window (all clients); `throttled`: the throttle now delays further tries.
    virtual void tries_failed(const domain::Share& share, Attempt attempt, int share_failures,
                              bool throttled) noexcept = 0;

    // A code was refused because the share's codes for the hour (`per_hour`, all addresses
    // together) are used up: until then nobody, the recipient included, gets a new one unless the
    // owner resets the share's counters.
    virtual void code_limit_reached(const domain::Share& share, int per_hour) noexcept = 0;
};

// For installations and tools that send no owner alerts (benchmarks).
class NoOwnerAlerts final : public OwnerAlerts {
  public:
    void opened(const domain::Share&, Access) noexcept override {}
    void tries_failed(const domain::Share&, Attempt, int, bool) noexcept override {}
    void code_limit_reached(const domain::Share&, int) noexcept override {}
};

}  // namespace es::portal
