// The host services of ABI v1 (dm.cases/1, dm.directory/1, dm.log/1) as C function tables, and the
// dm_host that hands them out. Every function is [any-thread] and catches everything.
#pragma once

#include <dm/host.h>

#include "plugins/PluginSlot.hpp"

namespace host {

class HostServiceTable {
  public:
    // Fills `slot.host` (identity, host_data, get_extension) for the plugin `plugin_id`.
    static void attach(PluginSlot& slot, const std::string& plugin_id, HostBackend& backend);
    static const void* get_extension(const dm_host* host, const char* extension_id);
};

}  // namespace host
