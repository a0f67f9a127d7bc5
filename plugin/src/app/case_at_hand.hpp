// What one request knows about its case: the host's snapshot, read once in the acting user's
// context (so having it proves the user may see the case), and the policy resolved once for its
// case type. Built by ShareService::open_case and passed to everything the request does; dropped
// with the request.
#pragma once

#include <string>

#include "domain/case_snapshot.hpp"
#include "domain/policy.hpp"

namespace es::app {

struct CaseAtHand {
    domain::CaseSnapshot snapshot;
    domain::Policy policy;

    const std::string& case_id() const { return snapshot.id; }
};

}  // namespace es::app
