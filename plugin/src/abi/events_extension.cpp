#include "abi/events_extension.hpp"

#include <dm/cpp/context.hpp>
#include <dm/cpp/versioned.hpp>
#include "abi/guard.hpp"

#include "abi/module_instance.hpp"

namespace es::abi {

namespace {

// Any event of ABI 1.0 or later (version.h); a kind this build does not know is ignored and
// answered DM_ERR_UNSUPPORTED by the module, which the host reads as "nothing to do".
dm_status on_event(const dm_context* ctx, const dm_event* theirs, const dm_sink* error) {
    return guard(error, [&] {
        dm_event event;
        if (!dm::read_versioned(theirs, DM_EVENT_V1_0_SIZE, event)) {
            throw dm::Error(DM_ERR_INVALID_ARGUMENT, "event missing or smaller than dm_event 1.0");
        }
        running_module().on_event(dm::Context::from(ctx), event);
    });
}

const dm_plugin_events kEvents = {sizeof(dm_plugin_events), on_event};

}  // namespace

const dm_plugin_events* events_extension() noexcept {
    return &kEvents;
}

}  // namespace es::abi
