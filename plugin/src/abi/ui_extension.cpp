#include "abi/ui_extension.hpp"

#include <dm/cpp/context.hpp>
#include "abi/guard.hpp"

#include <string>
#include <vector>

#include "abi/module_instance.hpp"

namespace es::abi {

namespace {

dm_status contributions(const dm_context* ctx, dm_str case_id, const dm_sink* result,
                        const dm_sink* error) {
    return guard(error, [&] {
        dm::write(result,
                  running_module().contributions(dm::Context::from(ctx), dm::to_view(case_id)));
    });
}

dm_status invoke_action(const dm_context* ctx, dm_str action_id, dm_str case_id,
                        dm_str payload_json, const dm_sink* result, const dm_sink* error) {
    return guard(error, [&] {
        dm::write(result,
                  running_module().invoke_action(dm::Context::from(ctx), dm::to_view(action_id),
                                                 dm::to_view(case_id), dm::to_view(payload_json)));
    });
}

dm_status render_panel(const dm_context* ctx, dm_str panel_id, dm_str case_id,
                       const dm_sink* result, const dm_sink* error) {
    return guard(error, [&] {
        dm::write(result, running_module().render_panel(
                              dm::Context::from(ctx), dm::to_view(panel_id), dm::to_view(case_id)));
    });
}

dm_status column_values(const dm_context* ctx, dm_str column_id, const dm_str* case_ids,
                        size_t count, const dm_sink* result, const dm_sink* error) {
    return guard(error, [&] {
        if (count > 0 && case_ids == nullptr) {
            throw dm::Error(DM_ERR_INVALID_ARGUMENT, "case_ids is NULL but count is not 0");
        }
        std::vector<std::string> ids;
        ids.reserve(count);
        for (size_t i = 0; i < count; ++i) {
            ids.emplace_back(dm::to_view(case_ids[i]));
        }
        dm::write(result, running_module().column_values(dm::Context::from(ctx),
                                                         dm::to_view(column_id), ids));
    });
}

const dm_plugin_ui kUi = {sizeof(dm_plugin_ui), contributions, invoke_action, render_panel,
                          column_values};

}  // namespace

const dm_plugin_ui* ui_extension() noexcept {
    return &kUi;
}

}  // namespace es::abi
