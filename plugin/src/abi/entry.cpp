// The plugin's only exported symbol and its lifecycle functions.
#include <dm/entry.h>
#include <dm/cpp/sink.hpp>
#include <dm/cpp/versioned.hpp>
#include "abi/guard.hpp"

#include <cstring>
#include <memory>
#include <string>

#include "abi/events_extension.hpp"
#include "abi/module_instance.hpp"
#include "abi/ui_extension.hpp"

namespace es::abi {

std::atomic<app::Module*> g_module{nullptr};

app::Module& running_module() {
    app::Module* m = g_module.load(std::memory_order_acquire);
    if (m == nullptr) {
        throw dm::Error(DM_ERR_UNAVAILABLE, "External Sharing is not initialised");
    }
    return *m;
}

namespace {

dm_status init(const dm_init_args* theirs, const dm_sink* error) {
    return guard(error, [&] {
        // Any init arguments of ABI 1.0 or later; what a newer host added is ignored (version.h).
        dm_init_args args;
        if (!dm::read_versioned(theirs, DM_INIT_ARGS_V1_0_SIZE, args) || args.host == nullptr) {
            throw dm::Error(DM_ERR_INVALID_ARGUMENT, "init arguments missing or incomplete");
        }
        if (args.host->struct_size < DM_HOST_V1_0_SIZE ||
            !dm_version_is_compatible(args.host->abi_version)) {
            throw dm::Error(DM_ERR_UNSUPPORTED, "host speaks ABI " +
                                                    std::to_string(args.host->abi_version.major) +
                                                    ", External Sharing needs ABI " +
                                                    std::to_string(DM_ABI_VERSION_MAJOR));
        }
        if (g_module.load() != nullptr) {
            throw dm::Error(DM_ERR_CONFLICT, "External Sharing is already initialised");
        }
        auto module =
            std::make_unique<app::Module>(args.host, std::string(dm::to_view(args.config_path)),
                                          std::string(dm::to_view(args.data_directory)));
        g_module.store(module.release(), std::memory_order_release);
    });
}

void deinit() {
    std::unique_ptr<app::Module> module(g_module.exchange(nullptr, std::memory_order_acq_rel));
}

const void* get_extension(const char* id) {
    if (id == nullptr) {
        return nullptr;
    }
    if (std::strcmp(id, DM_EXT_UI) == 0) {
        return ui_extension();
    }
    if (std::strcmp(id, DM_EXT_EVENTS) == 0) {
        return events_extension();
    }
    return nullptr;
}

}  // namespace

}  // namespace es::abi

extern "C" DM_EXPORT const struct dm_plugin_entry dm_plugin_entry = {
    DM_ABI_VERSION_INIT,
    sizeof(struct dm_plugin_entry),
    "ch.example.external-sharing",
    "External Sharing",
    "Example AG",
    "1.0.0",
    es::abi::init,
    es::abi::deinit,
    es::abi::get_extension,
};
