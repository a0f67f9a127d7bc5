// Loads one plugin library with Boost.DLL, checks its entry and starts it. A plugin that cannot be
// used produces exactly one log line naming the file and the reason, and the host goes on without
// it.
#pragma once

#include <memory>
#include <string>

#include "config/host_config.hpp"
#include "plugins/host_backend.hpp"
#include "plugins/loaded_plugin.hpp"

namespace host {

class PluginLoader {
  public:
    PluginLoader(HostBackend& backend, std::string data_directory)
        : backend_(backend), data_directory_(std::move(data_directory)) {}

    // nullptr when the plugin was refused (already logged). [main-thread]
    std::unique_ptr<LoadedPlugin> load(const PluginConfig& config);

  private:
    HostBackend& backend_;
    std::string data_directory_;
};

}  // namespace host
