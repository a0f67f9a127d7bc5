// The plugin's "dm.events/1" table.
#pragma once

#include <dm/ext/events.h>

namespace es::abi {

const dm_plugin_events* events_extension() noexcept;

}  // namespace es::abi
