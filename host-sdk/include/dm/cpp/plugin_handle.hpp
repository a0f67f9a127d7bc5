// Host side: a plugin's entry and extensions as C++ objects that throw dm::Error on failure.
// Loading the library is the host's business (dlopen, Boost.DLL); this starts from the entry
// struct.
#pragma once

#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../entry.h"
#include "../ext/events.h"
#include "../ext/ui.h"
#include "barrier.hpp"
#include "context.hpp"
#include "versioned.hpp"

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
        return "entry struct_size " + std::to_string(e->struct_size) +
               " is smaller than ABI 1.0's " + std::to_string(DM_PLUGIN_ENTRY_V1_0_SIZE);
    }
    if (e->id == nullptr || e->id[0] == '\0' || e->name == nullptr || e->version == nullptr) {
        return "entry lacks id, name or version";
    }
    if (e->init == nullptr || e->deinit == nullptr || e->get_extension == nullptr) {
        return "entry lacks init, deinit or get_extension";
    }
    return {};
}

// A sentence for the host's log when the plugin was built against a newer minor version than the
// host (OBS's pitfall is to ignore a newer plugin's additions silently), else an empty string.
// Never a reason to refuse: whatever the plugin added is simply not used. Call it on an entry
// entry_problem() accepted.
inline std::string entry_note(const dm_plugin_entry* e) {
    const bool newer_version = dm_version_is_newer(e->abi_version);
    const bool larger_entry = e->struct_size > sizeof(dm_plugin_entry);
    if (!newer_version && !larger_entry) {
        return {};
    }
    return "plugin built against ABI " + std::to_string(e->abi_version.major) + "." +
           std::to_string(e->abi_version.minor) + " (entry of " + std::to_string(e->struct_size) +
           " bytes), newer than this host's ABI " + std::to_string(DM_ABI_VERSION_MAJOR) + "." +
           std::to_string(DM_ABI_VERSION_MINOR) + " (" + std::to_string(sizeof(dm_plugin_entry)) +
           " bytes): what it added after " + std::to_string(DM_ABI_VERSION_MAJOR) + "." +
           std::to_string(DM_ABI_VERSION_MINOR) + " is not used";
}

// The UI extension of a started plugin: a copy of the plugin's table (version.h), so a function
// the plugin's version lacks is NULL here and refused with DM_ERR_UNSUPPORTED.
class PluginUi {
  public:
    PluginUi() = default;
    explicit PluginUi(const dm_plugin_ui* theirs) {
        offered_ = read_versioned(theirs, DM_PLUGIN_UI_V1_0_SIZE, ui_);
    }
    explicit operator bool() const noexcept { return offered_; }

    std::string contributions(const Context& ctx, std::string_view case_id = {}) const {
        need(ui_.contributions, "contributions");
        StringSink result, error;
        dm_context c = ctx.view();
        check(ui_.contributions(&c, to_dm(case_id), result.get(), error.get()), error,
              "contributions");
        return result.take();
    }
    std::string invoke_action(const Context& ctx, std::string_view action_id,
                              std::string_view case_id, std::string_view payload_json) const {
        need(ui_.invoke_action, "invoke_action");
        StringSink result, error;
        dm_context c = ctx.view();
        check(ui_.invoke_action(&c, to_dm(action_id), to_dm(case_id), to_dm(payload_json),
                                result.get(), error.get()),
              error, "invoke action");
        return result.take();
    }
    std::string render_panel(const Context& ctx, std::string_view panel_id,
                             std::string_view case_id) const {
        need(ui_.render_panel, "render_panel");
        StringSink result, error;
        dm_context c = ctx.view();
        check(ui_.render_panel(&c, to_dm(panel_id), to_dm(case_id), result.get(), error.get()),
              error, "render panel");
        return result.take();
    }
    std::string column_values(const Context& ctx, std::string_view column_id,
                              const std::vector<std::string>& case_ids) const {
        need(ui_.column_values, "column_values");
        std::vector<dm_str> ids;
        ids.reserve(case_ids.size());
        for (const auto& id : case_ids) {
            ids.push_back(to_dm(id));
        }
        StringSink result, error;
        dm_context c = ctx.view();
        check(ui_.column_values(&c, to_dm(column_id), ids.data(), ids.size(), result.get(),
                                error.get()),
              error, "column values");
        return result.take();
    }

  private:
    template <typename Fn>
    void need(Fn fn, const char* name) const {
        if (!offered_ || fn == nullptr) {
            throw Error(DM_ERR_UNSUPPORTED,
                        std::string("the plugin does not provide dm.ui ") + name);
        }
    }

    dm_plugin_ui ui_{};
    bool offered_ = false;
};

// The events extension of a started plugin, copied like PluginUi.
class PluginEvents {
  public:
    PluginEvents() = default;
    explicit PluginEvents(const dm_plugin_events* theirs) {
        offered_ =
            read_versioned(theirs, DM_PLUGIN_EVENTS_V1_0_SIZE, ev_) && ev_.on_event != nullptr;
    }
    explicit operator bool() const noexcept { return offered_; }

    // DM_ERR_UNSUPPORTED is the plugin's "nothing to do" (for example a kind it does not know) and
    // not an error.
    void notify(const Context& ctx, dm_event_kind kind, std::string_view case_id = {},
                std::string_view attachment_id = {}, std::string_view user_id = {}) const {
        if (!offered_) {
            throw Error(DM_ERR_UNSUPPORTED, "the plugin does not provide dm.events");
        }
        dm_event event{sizeof(dm_event), kind, to_dm(case_id), to_dm(attachment_id),
                       to_dm(user_id)};
        StringSink error;
        dm_context c = ctx.view();
        dm_status s = ev_.on_event(&c, &event, error.get());
        if (s != DM_ERR_UNSUPPORTED) {
            check(s, error, "event");
        }
    }

  private:
    dm_plugin_events ev_{};
    bool offered_ = false;
};

// A validated, started plugin. Calls `deinit` when destroyed; move-only.
class StartedPlugin {
  public:
    // Throws dm::Error when the entry is unusable or init fails; `deinit` is then not called.
    // Works on its own copy of the entry (version.h): an older plugin's missing fields are NULL, a
    // newer plugin's additions are left out (see entry_note() for the log line that says so).
    StartedPlugin(const dm_plugin_entry* entry, const dm_init_args& args) {
        std::string problem = entry_problem(entry);
        if (!problem.empty()) {
            throw Error(DM_ERR_UNSUPPORTED, problem);
        }
        read_versioned(entry, DM_PLUGIN_ENTRY_V1_0_SIZE, entry_);
        StringSink error;
        check(entry_.init(&args, error.get()), error, "init");
        started_ = true;
    }
    StartedPlugin(StartedPlugin&& o) noexcept
        : entry_(o.entry_), started_(std::exchange(o.started_, false)) {}
    StartedPlugin& operator=(StartedPlugin&&) = delete;
    StartedPlugin(const StartedPlugin&) = delete;
    StartedPlugin& operator=(const StartedPlugin&) = delete;
    ~StartedPlugin() {
        if (started_) {
            entry_.deinit();
        }
    }

    // The host's copy of the entry.
    const dm_plugin_entry& entry() const noexcept { return entry_; }

    // The plugin's extension `id` as the plugin wrote it (NULL when not provided); read it with
    // read_versioned(), as PluginUi and PluginEvents do.
    const void* extension(const char* id) const { return entry_.get_extension(id); }
    PluginUi ui() const { return PluginUi(static_cast<const dm_plugin_ui*>(extension(DM_EXT_UI))); }
    PluginEvents events() const {
        return PluginEvents(static_cast<const dm_plugin_events*>(extension(DM_EXT_EVENTS)));
    }

  private:
    dm_plugin_entry entry_{};
    bool started_ = false;
};

}  // namespace dm
