#include "abi/events_extension.hpp"

#include <dm/cpp/context.hpp>
#include "abi/guard.hpp"

#include "abi/module_instance.hpp"

namespace es::abi {

namespace {

dm_status on_event(const dm_context* ctx, const dm_event* event, const dm_sink* error) {
    return guard(error, [&] {
        if (event == nullptr || event->struct_size < sizeof(dm_event)) {
            throw dm::Error(DM_ERR_INVALID_ARGUMENT, "event missing or smaller than dm_event v1");
        }
        running_module().on_event(dm::Context::from(ctx), *event);
    });
}

const dm_plugin_events kEvents = {sizeof(dm_plugin_events), on_event};

}  // namespace

const dm_plugin_events* events_extension() noexcept {
    return &kEvents;
}

}  // namespace es::abi
