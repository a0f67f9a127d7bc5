// The host services of ABI 1.1 (dm.cases/1 with read_case and add_journal_entry, dm.directory/1,
// dm.log/1) as C function tables, and the dm_host that hands them out. Every function is
// [any-thread] and catches everything.
#pragma once

#include <dm/host.h>

#include "plugins/plugin_slot.hpp"

namespace host {

class HostServiceTable {
  public:
    // Fills `slot.host` (identity, host_data, get_extension) for the plugin `plugin_id`.
    // `plugin_name` signs the journal entries the plugin adds for the organisation (default: id).
    static void attach(PluginSlot& slot, const std::string& plugin_id, HostBackend& backend,
                       const std::string& plugin_name = {});
    static const void* get_extension(const dm_host* host, const char* extension_id);
};

}  // namespace host
