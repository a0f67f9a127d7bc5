// Host side: a plugin's entry and extensions as C++ objects that throw dm::Error on failure.
// Loading the library is the host's business (dlopen, Boost.DLL); this starts from the entry struct.
#pragma once

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "../entry.h"
#include "../ext/events.h"
#include "../ext/ui.h"
#include "barrier.hpp"
#include "context.hpp"

namespace dm {

// Why an entry cannot be used, or an empty string when it can. Checks what a host must check
// before calling anything: ABI major version, struct size, the required function pointers.
inline std::string entry_problem(const dm_plugin_entry* e) {
    if (e == nullptr) {
        return "entry symbol is NULL";
    }
    if (!dm_version_is_compatible(e->abi_version)) {
        return "plugin built for ABI " + std::to_string(e->abi_version.major) + "." +
               std::to_string(e->abi_version.minor) + ", host speaks ABI " +
               std::to_string(DM_ABI_VERSION_MAJOR) + "." + std::to_string(DM_ABI_VERSION_MINOR);
    }
    if (e->struct_size < DM_PLUGIN_ENTRY_V1_0_SIZE) {
        return "entry struct_size " + std::to_string(e->struct_size) + " is smaller than ABI 1.0's " +
               std::to_string(DM_PLUGIN_ENTRY_V1_0_SIZE);
    }
    if (e->id == nullptr || e->id[0] == '\0' || e->name == nullptr || e->version == nullptr) {
        return "entry lacks id, name or version";
    }
    if (e->init == nullptr || e->deinit == nullptr || e->get_extension == nullptr) {
        return "entry lacks init, deinit or get_extension";
    }
    return {};
}

// The UI extension of a started plugin.
class PluginUi {
public:
    explicit PluginUi(const dm_plugin_ui* ui) : ui_(ui) {}
    explicit operator bool() const noexcept { return ui_ != nullptr; }

    std::string contributions(const Context& ctx, std::string_view case_id = {}) const {
        StringSink result, error;
        dm_context c = ctx.view();
        check(ui_->contributions(&c, to_dm(case_id), result.get(), error.get()), error,
              "contributions");
        return result.take();
    }
    std::string invoke_action(const Context& ctx, std::string_view action_id,
                              std::string_view case_id, std::string_view payload_json) const {
        StringSink result, error;
        dm_context c = ctx.view();
        check(ui_->invoke_action(&c, to_dm(action_id), to_dm(case_id), to_dm(payload_json),
                                 result.get(), error.get()),
              error, "invoke action");
        return result.take();
    }
    std::string render_panel(const Context& ctx, std::string_view panel_id,
                             std::string_view case_id) const {
        StringSink result, error;
        dm_context c = ctx.view();
        check(ui_->render_panel(&c, to_dm(panel_id), to_dm(case_id), result.get(), error.get()),
              error, "render panel");
        return result.take();
    }
    std::string column_values(const Context& ctx, std::string_view column_id,
                              const std::vector<std::string>& case_ids) const {
        std::vector<dm_str> ids;
        ids.reserve(case_ids.size());
        for (const auto& id : case_ids) {
            ids.push_back(to_dm(id));
        }
        StringSink result, error;
        dm_context c = ctx.view();
        check(ui_->column_values(&c, to_dm(column_id), ids.data(), ids.size(), result.get(),
                                 error.get()),
              error, "column values");
        return result.take();
    }

private:
    const dm_plugin_ui* ui_;
};

// The events extension of a started plugin.
class PluginEvents {
public:
    explicit PluginEvents(const dm_plugin_events* ev) : ev_(ev) {}
    explicit operator bool() const noexcept { return ev_ != nullptr; }

    void notify(const Context& ctx, dm_event_kind kind, std::string_view case_id = {},
                std::string_view attachment_id = {}, std::string_view user_id = {}) const {
        dm_event event{sizeof(dm_event), kind, to_dm(case_id), to_dm(attachment_id),
                       to_dm(user_id)};
        StringSink error;
        dm_context c = ctx.view();
        dm_status s = ev_->on_event(&c, &event, error.get());
        if (s != DM_ERR_UNSUPPORTED) {
            check(s, error, "event");
        }
    }

private:
    const dm_plugin_events* ev_;
};

// A validated, started plugin. Calls `deinit` when destroyed; move-only.
class StartedPlugin {
public:
    // Throws dm::Error when the entry is unusable or init fails; `deinit` is then not called.
    StartedPlugin(const dm_plugin_entry* entry, const dm_init_args& args) : entry_(entry) {
        std::string problem = entry_problem(entry);
        if (!problem.empty()) {
            throw Error(DM_ERR_UNSUPPORTED, problem);
        }
        StringSink error;
        check(entry_->init(&args, error.get()), error, "init");
    }
    StartedPlugin(StartedPlugin&& o) noexcept : entry_(o.entry_) { o.entry_ = nullptr; }
    StartedPlugin& operator=(StartedPlugin&&) = delete;
    StartedPlugin(const StartedPlugin&) = delete;
    StartedPlugin& operator=(const StartedPlugin&) = delete;
    ~StartedPlugin() {
        if (entry_ != nullptr) {
            entry_->deinit();
        }
    }

    const dm_plugin_entry& entry() const noexcept { return *entry_; }

    template <typename Ext>
    const Ext* extension(const char* id) const {
        auto* ext = static_cast<const Ext*>(entry_->get_extension(id));
        return (ext != nullptr && ext->struct_size >= sizeof(Ext)) ? ext : nullptr;
    }
    PluginUi ui() const { return PluginUi(extension<dm_plugin_ui>(DM_EXT_UI)); }
    PluginEvents events() const { return PluginEvents(extension<dm_plugin_events>(DM_EXT_EVENTS)); }

private:
    const dm_plugin_entry* entry_;
};

}  // namespace dm
