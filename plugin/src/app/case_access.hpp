// The port through which the share service reads a case: the host adapter behind it in the module
// (app::HostCaseAccess), a simple in-memory one in tests.
//
// Thread safety: every function may be called from many threads at once.
// Errors: throw es::domain::Error; NotFound when the case does not exist in the actor's
// organisation or the actor may not see it (Denied where the source tells the two apart);
// Unavailable when the host cannot answer right now.
#pragma once

#include <string>

#include "domain/actor.hpp"
#include "domain/case_parts.hpp"
#include "domain/case_snapshot.hpp"

namespace es::app {

class CaseAccess {
  public:
    virtual ~CaseAccess() = default;

    // The parts of the case as `actor` may see them, read in the actor's context: with a user id
    // the read itself checks the user's rights. With details, case_type_id is never empty.
    virtual domain::CaseSnapshot read_case(const domain::Actor& actor, const std::string& case_id,
                                           domain::CaseParts parts) = 0;
};

}  // namespace es::app
