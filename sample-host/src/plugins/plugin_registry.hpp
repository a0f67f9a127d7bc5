// The plugins that started, in the order of the host's configuration. Read-only after start-up,
// so request threads use it without locking.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <dm/cpp/dm.hpp>

#include "plugins/loaded_plugin.hpp"
#include "plugins/plugin_loader.hpp"

namespace host {

class PluginRegistry {
  public:
    PluginRegistry() = default;
    PluginRegistry(const PluginRegistry&) = delete;
    PluginRegistry& operator=(const PluginRegistry&) = delete;
    ~PluginRegistry() { shutdown(); }

    void load_all(PluginLoader& loader, const std::vector<PluginConfig>& configs);
    // Calls every plugin's deinit, last loaded first. The libraries stay mapped.
    void shutdown();

    const std::vector<std::unique_ptr<LoadedPlugin>>& plugins() const { return plugins_; }
    const LoadedPlugin* find(const std::string& id) const;

    // Tells every plugin with dm.events/1 about a committed change; failures are logged, never
    // thrown, because the host's change already happened. [any-thread]
    void notify(const dm::Context& ctx, dm_event_kind kind, const std::string& case_id,
                const std::string& attachment_id = {}, const std::string& user_id = {}) const;

  private:
    std::vector<std::unique_ptr<LoadedPlugin>> plugins_;
};

}  // namespace host
