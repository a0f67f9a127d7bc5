// The port through which the core asks the host about cases. The ABI layer adapts the host's
// "dm.cases/1" and "dm.directory/1" services to it; tests use a simple in-memory one.
//
// Thread safety: every function may be called from many threads at once (the portal).
// Errors: throw es::domain::Error; Kind::Unavailable when the host cannot answer right now.
#pragma once

#include <optional>
#include <string>

#include "domain/actor.hpp"
#include "domain/case_items.hpp"

namespace es::app {

class CaseAccess {
  public:
    virtual ~CaseAccess() = default;

    // The case's type id, or nothing when the case does not exist in `actor.organisation_id`
    // (a case of another organisation is indistinguishable from a missing one).
    virtual std::optional<std::string> case_type(const domain::Actor& actor,
                                                 const std::string& case_id) = 0;

    // Whether `actor.user_id` may see the case. Never called with an empty user id.
    virtual bool may_access(const domain::Actor& actor, const std::string& case_id) = 0;

    // The ids of what the case holds now, per section, in display order.
    virtual domain::CaseItems items(const domain::Actor& actor, const std::string& case_id) = 0;
};

}  // namespace es::app
