// An owning C++ context that lends itself to C calls as a dm_context.
#pragma once

#include <string>

#include "../types.h"
#include "error.hpp"
#include "sink.hpp"
#include "versioned.hpp"

namespace dm {

struct Context {
    std::string organisation_id;
    std::string user_id;  // empty: the plugin acts on behalf of the organisation
    std::string locale = "en";

    // Borrowed view, valid while this Context lives and is not modified.
    dm_context view() const noexcept {
        return dm_context{sizeof(dm_context), to_dm(organisation_id), to_dm(user_id),
                          to_dm(locale)};
    }

    // Copies a context received from C. Throws DM_ERR_INVALID_ARGUMENT when it is missing, smaller
    // than ABI 1.0's, or names no organisation (see dm_context in types.h). A larger context comes
    // from a newer caller: what it added is ignored (version.h).
    static Context from(const dm_context* theirs) {
        dm_context c;
        if (!read_versioned(theirs, DM_CONTEXT_V1_0_SIZE, c)) {
            // Every 1.0 field is required; a smaller struct is a caller built against nothing we
            // know.
            throw Error(DM_ERR_INVALID_ARGUMENT, "context missing or smaller than dm_context 1.0");
        }
        Context out;
        out.organisation_id = std::string(to_view(c.organisation_id));
        if (out.organisation_id.empty()) {
            // Everything is confined to an organisation; without one there is nothing to confine
            // to.
            throw Error(DM_ERR_INVALID_ARGUMENT, "context names no organisation");
        }
        out.user_id = std::string(to_view(c.user_id));
        out.locale = std::string(to_view(c.locale));
        if (out.locale.empty()) {
            out.locale = "en";
        }
        return out;
    }
};

}  // namespace dm
