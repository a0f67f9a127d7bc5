/* Plugin extension "dm.ui/1": what the plugin adds to the host's user interface.
 *
 * The plugin never ships host HTML. It describes UI as declarative JSON view models (see
 * docs/view-model.md, versioned with this ABI) that the host renders in its own look, and it
 * receives what the user submitted through `invoke_action`.
 *
 * All functions are [any-thread]: the host calls them from its request threads, concurrently. */
#ifndef DM_EXT_UI_H
#define DM_EXT_UI_H

#include <stddef.h>
#include <stdint.h>

#include "../threading.h"
#include "../types.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DM_EXT_UI "dm.ui/1"

typedef struct dm_plugin_ui {
    uint32_t struct_size;

    /* What the plugin contributes for the acting user, titles in `ctx->locale`:
     * {"actions":[{"id","title","icon","scope":"case"}],
     *  "panels":[{"id","title","icon","scope":"case"|"organisation"}],
     *  "columns":[{"id","title","default_visible":bool}],
     *  "name":"the plugin's name in ctx->locale" (optional; since 1.1, a host of 1.0 ignores it)}.
     * With `case_id` empty the answer covers the organisation (columns, organisation panels, and
     * actions as they may appear); with a case id it lists only what applies to that case (module
     * active, case type enabled, user may access it). An empty object means nothing to show.
     * [any-thread] */
    dm_status (*contributions)(const dm_context* ctx, dm_str case_id, const dm_sink* result,
                               const dm_sink* error);

    /* Runs an action for a case (or the organisation when `case_id` is empty). `payload_json` is
     * the JSON object the user submitted ("{}" when opened from a menu). Writes the next view
     * model: a dialog to show, the same form with field errors, a notice, or {"type":"close"}.
     * [any-thread] */
    dm_status (*invoke_action)(const dm_context* ctx, dm_str action_id, dm_str case_id,
                               dm_str payload_json, const dm_sink* result, const dm_sink* error);

    /* The view model of a panel for a case (or the organisation when `case_id` is empty).
     * [any-thread] */
    dm_status (*render_panel)(const dm_context* ctx, dm_str panel_id, dm_str case_id,
                              const dm_sink* result, const dm_sink* error);

    /* Cells of a column for many cases in one call: a JSON array of exactly `count` elements, in
     * the order of `case_ids`, each either null (nothing to show) or {"icon","tooltip","text"}.
     * Cases the user may not access get null. Hosts call it once per page, never once per row.
     * [any-thread] */
    dm_status (*column_values)(const dm_context* ctx, dm_str column_id, const dm_str* case_ids,
                               size_t count, const dm_sink* result, const dm_sink* error);
} dm_plugin_ui;

/* since 1.1 */
/* The size of the table in ABI 1.0, the smallest a host accepts (version.h). */
#define DM_PLUGIN_UI_V1_0_SIZE \
    (offsetof(dm_plugin_ui, column_values) + sizeof(((dm_plugin_ui*)0)->column_values))

#ifdef __cplusplus
}
#endif

#endif /* DM_EXT_UI_H */
