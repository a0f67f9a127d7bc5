// A minimal Dossier Manager plugin in C++ with the header-only wrapper (dm/cpp): the example the
// integrator guide quotes. One case panel that shows the case's details as the host sent them.
//
// With DM_CPP_PLUGIN_DEFECT_THROWS defined it becomes a fixture that lets an exception escape
// render_panel, which the checker must report (abi.no_exception).
#include <dm/cpp/dm.hpp>

#include <cstring>
#include <memory>
#include <string>

namespace {

// Set by init on the main thread before any other call; read-only afterwards.
std::unique_ptr<dm::HostServices> g_host;

dm_status contributions(const dm_context* ctx, dm_str case_id, const dm_sink* result,
                        const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        dm::Context c = dm::Context::from(ctx);
        if (!dm::to_view(case_id).empty() && !g_host->may_access(c, dm::to_view(case_id))) {
            return dm::write(result, "{}");
        }
        dm::write(
            result,
            R"json({"panels":[{"id":"cpp.details","title":"Details (C++)","scope":"case"}]})json");
    });
}

dm_status invoke_action(const dm_context* ctx, dm_str, dm_str, dm_str, const dm_sink*,
                        const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        dm::Context::from(ctx);
        throw dm::Error(DM_ERR_UNSUPPORTED, "this plugin has no actions");
    });
}

std::string details_panel(const dm_context* ctx, dm_str panel_id, dm_str case_id) {
    dm::Context c = dm::Context::from(ctx);
    if (dm::to_view(panel_id) != "cpp.details") {
        throw dm::Error(DM_ERR_UNSUPPORTED, "unknown panel");
    }
    // The wrapper has no JSON parser; a real plugin would parse the details and show fields.
    std::string details = g_host->case_details(c, dm::to_view(case_id));
    return R"json({"type":"panel","title":"Details (C++)","body":[{"type":"pairs","items":[)json"
           R"json({"label":"Details received","value":")json" +
           std::to_string(details.size()) + R"json( bytes"}]}]})json";
}

#if defined(DM_CPP_PLUGIN_DEFECT_THROWS)
dm_status render_panel(const dm_context* ctx, dm_str panel_id, dm_str case_id,
                       const dm_sink* result, const dm_sink*) {
    dm::write(result, details_panel(ctx, panel_id, case_id));
    throw dm::Error(DM_ERR_INTERNAL, "thrown past the missing exception barrier");
}
#else
dm_status render_panel(const dm_context* ctx, dm_str panel_id, dm_str case_id,
                       const dm_sink* result, const dm_sink* error) {
    return dm::translate_exceptions(
        error, [&] { dm::write(result, details_panel(ctx, panel_id, case_id)); });
}
#endif

dm_status column_values(const dm_context* ctx, dm_str, const dm_str*, size_t, const dm_sink*,
                        const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        dm::Context::from(ctx);
        throw dm::Error(DM_ERR_UNSUPPORTED, "this plugin has no columns");
    });
}

const dm_plugin_ui kUi = {sizeof(dm_plugin_ui), contributions, invoke_action, render_panel,
                          column_values};

dm_status init(const dm_init_args* theirs, const dm_sink* error) {
    return dm::translate_exceptions(error, [&] {
        dm_init_args args;  // any size from 1.0's up; a newer host's additions are left out
        if (!dm::read_versioned(theirs, DM_INIT_ARGS_V1_0_SIZE, args) || args.host == nullptr) {
            throw dm::Error(DM_ERR_INVALID_ARGUMENT, "init arguments missing or too small");
        }
        // Copies the host's tables; a 1.0 host's dm.cases simply offers no 1.1 functions.
        auto host = std::make_unique<dm::HostServices>(args.host);
        if (!host->has_cases() || !host->has_directory()) {
            throw dm::Error(DM_ERR_UNSUPPORTED, "the host lacks dm.cases/1 or dm.directory/1");
        }
        g_host = std::move(host);
    });
}

void deinit() {
    g_host.reset();
}

const void* get_extension(const char* id) {
    return (id != nullptr && std::strcmp(id, DM_EXT_UI) == 0) ? &kUi : nullptr;
}

}  // namespace

extern "C" DM_EXPORT const dm_plugin_entry dm_plugin_entry = {DM_ABI_VERSION_INIT,
                                                              sizeof(struct dm_plugin_entry),
                                                              "org.example.cpp-plugin",
                                                              "C++ Plugin",
                                                              "Example AG",
                                                              "1.0.0",
                                                              init,
                                                              deinit,
                                                              get_extension};
