// A plugin that loaded and started: its entry, its own dm_host, and its UI and events extensions.
// Destroying it calls the plugin's deinit; the library itself stays mapped until process exit.
#pragma once

#include <memory>
#include <string>

#include <dm/cpp/dm.hpp>

#include "plugins/plugin_slot.hpp"

namespace host {

struct LoadedPlugin {
    std::string path;
    std::string id;
    std::string name;
    std::string vendor;
    std::string version;
    std::unique_ptr<PluginSlot> slot;  // must outlive `started` (the plugin holds &slot->host)
    std::unique_ptr<dm::StartedPlugin> started;

    dm::PluginUi ui() const { return started->ui(); }
    dm::PluginEvents events() const { return started->events(); }
};

}  // namespace host
