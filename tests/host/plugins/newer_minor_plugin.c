/* A plugin built against a later minor version of ABI 1 than the host: its entry and its dm.ui/1
 * table are longer than the host knows, and it says ABI 1.<host's minor + 1>. The host must load
 * it, use what it knows, ignore the rest, and say in its log that the plugin is newer. */
#include <stddef.h>
#include <string.h>

#include <dm/entry.h>
#include <dm/ext/ui.h>

static void write_text(const dm_sink* sink, const char* text) {
    if (sink != NULL && sink->write != NULL)
        sink->write(sink->ctx, text, strlen(text));
}

static dm_status init(const dm_init_args* args, const dm_sink* error) {
    (void)args;
    (void)error;
    return DM_OK;
}
static void deinit(void) {}

static dm_status contributions(const dm_context* ctx, dm_str case_id, const dm_sink* result,
                               const dm_sink* error) {
    (void)ctx;
    (void)case_id;
    (void)error;
    write_text(result, "{}");
    return DM_OK;
}
static dm_status invoke_action(const dm_context* ctx, dm_str action_id, dm_str case_id,
                               dm_str payload_json, const dm_sink* result, const dm_sink* error) {
    (void)ctx;
    (void)action_id;
    (void)case_id;
    (void)payload_json;
    (void)result;
    write_text(error, "no actions");
    return DM_ERR_UNSUPPORTED;
}
static dm_status render_panel(const dm_context* ctx, dm_str panel_id, dm_str case_id,
                              const dm_sink* result, const dm_sink* error) {
    (void)ctx;
    (void)panel_id;
    (void)case_id;
    (void)error;
    write_text(result, "{\"type\":\"panel\",\"title\":\"From a later minor version\",\"body\":[]}");
    return DM_OK;
}
static dm_status column_values(const dm_context* ctx, dm_str column_id, const dm_str* case_ids,
                               size_t count, const dm_sink* result, const dm_sink* error) {
    (void)ctx;
    (void)column_id;
    (void)case_ids;
    (void)count;
    (void)result;
    write_text(error, "no columns");
    return DM_ERR_UNSUPPORTED;
}
/* What a later minor version might append; this host never reads it. */
static void added_later(void) {}

struct later_ui {
    dm_plugin_ui ui;
    void (*added_later)(void); /* [any-thread] */
};
static const struct later_ui g_ui = {
    {sizeof(struct later_ui), contributions, invoke_action, render_panel, column_values},
    added_later};

static const void* get_extension(const char* id) {
    return (id != NULL && strcmp(id, DM_EXT_UI) == 0) ? &g_ui.ui : NULL;
}

struct later_entry {
    struct dm_plugin_entry entry;
    const char* added_later; /* NUL-terminated */
};

DM_EXPORT const struct later_entry dm_plugin_entry = {
    {{DM_ABI_VERSION_MAJOR, DM_ABI_VERSION_MINOR + 1, 0},
     sizeof(struct later_entry),
     "ch.example.host-test-newer",
     "Newer Module",
     "Example AG",
     "1.0.0",
     init,
     deinit,
     get_extension},
    "a field of a later minor version"};
