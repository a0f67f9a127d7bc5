#include "plugins/plugin_registry.hpp"

#include "log/error_text.hpp"
#include "log/host_log.hpp"

namespace host {

void PluginRegistry::load_all(PluginLoader& loader, const std::vector<PluginConfig>& configs) {
    for (const auto& config : configs) {
        auto plugin = loader.load(config);
        if (!plugin)
            continue;
        if (find(plugin->id) != nullptr) {
            HostLog::error("plugin " + config.path + " not loaded: a plugin with the id '" +
                           plugin->id + "' is already loaded");
            continue;  // its deinit runs as `plugin` goes out of scope
        }
        plugins_.push_back(std::move(plugin));
    }
}

void PluginRegistry::shutdown() {
    while (!plugins_.empty()) {
        plugins_.pop_back();
    }
}

const LoadedPlugin* PluginRegistry::find(const std::string& id) const {
    for (const auto& p : plugins_) {
        if (p->id == id)
            return p.get();
    }
    return nullptr;
}

void PluginRegistry::notify(const dm::Context& ctx, dm_event_kind kind, const std::string& case_id,
                            const std::string& attachment_id, const std::string& user_id) const {
    for (const auto& p : plugins_) {
        auto events = p->events();
        if (!events)
            continue;
        try {
            events.notify(ctx, kind, case_id, attachment_id, user_id);
        } catch (const std::exception& e) {
            HostLog::error("plugin " + p->id + " failed to handle event " +
                           std::to_string(static_cast<int>(kind)) + ": " + error_text(e));
        }
    }
}

}  // namespace host
