// One plugin's own dm_host. `host.host_data` points back at the slot, so every service call knows
// which plugin made it (its log lines carry the plugin's id). The slot's address must not change
// while the plugin runs: it lives on the heap for the life of the process.
#pragma once

#include <string>

#include <dm/host.h>

#include "plugins/host_backend.hpp"

namespace host {

struct PluginSlot {
    dm_host host{};
    std::string plugin_id;
    std::string plugin_name;  // the author of journal entries the plugin adds without a user
    HostBackend* backend = nullptr;

    static PluginSlot& of(const dm_host* h) { return *static_cast<PluginSlot*>(h->host_data); }
};

}  // namespace host
