// The running plugin: everything `init` builds, reachable from the ABI functions until `deinit`.
//
// One Module lives per process. It is built on the host's main thread in `init` and destroyed in
// `deinit`; in between, the host calls it from many threads at once, so its members are either
// immutable after construction or synchronise themselves.
#pragma once

#include <dm/ext/events.h>
#include <dm/cpp/context.hpp>
#include <dm/cpp/host_services.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "config/settings.hpp"

namespace es::app {

class Module {
  public:
    // Throws config::ConfigError or dm::Error when the plugin cannot start.
    Module(const dm_host* host, std::string config_path, std::string data_directory);
    ~Module();
    Module(const Module&) = delete;
    Module& operator=(const Module&) = delete;

    const config::Settings& settings() const noexcept { return settings_; }
    const dm::HostServices& host() const noexcept { return host_; }

    // dm.ui/1 — each returns the JSON the ABI comment describes.
    std::string contributions(const dm::Context& ctx, std::string_view case_id) const;
    std::string invoke_action(const dm::Context& ctx, std::string_view action_id,
                              std::string_view case_id, std::string_view payload_json);
    std::string render_panel(const dm::Context& ctx, std::string_view panel_id,
                             std::string_view case_id) const;
    std::string column_values(const dm::Context& ctx, std::string_view column_id,
                              const std::vector<std::string>& case_ids) const;

    // dm.events/1
    void on_event(const dm::Context& ctx, const dm_event& event);

  private:
    dm::HostServices host_;
    std::string data_directory_;
    config::Settings settings_;
};

}  // namespace es::app
