// An owning C++ context that lends itself to C calls as a dm_context.
#pragma once

#include <string>

#include "../types.h"
#include "error.hpp"
#include "sink.hpp"

namespace dm {

struct Context {
    std::string organisation_id;
    std::string user_id;  // empty: the plugin acts on behalf of the organisation
    std::string locale = "en";

    // Borrowed view, valid while this Context lives and is not modified.
    dm_context view() const noexcept {
        return dm_context{sizeof(dm_context), to_dm(organisation_id), to_dm(user_id), to_dm(locale)};
    }

    // Copies a context received from C. Throws DM_ERR_INVALID_ARGUMENT when it is missing, smaller
    // than v1, or names no organisation (see dm_context in types.h).
    static Context from(const dm_context* c) {
        Context out;
        if (c == nullptr || c->struct_size < sizeof(dm_context)) {
            // Every v1 field is required; a smaller struct is a caller built against nothing we know.
            throw Error(DM_ERR_INVALID_ARGUMENT, "context missing or smaller than dm_context v1");
        }
        out.organisation_id = std::string(to_view(c->organisation_id));
        if (out.organisation_id.empty()) {
            // Everything is confined to an organisation; without one there is nothing to confine to.
            throw Error(DM_ERR_INVALID_ARGUMENT, "context names no organisation");
        }
        out.user_id = std::string(to_view(c->user_id));
        out.locale = std::string(to_view(c->locale));
        if (out.locale.empty()) {
            out.locale = "en";
        }
        return out;
    }
};

}  // namespace dm
