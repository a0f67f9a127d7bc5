/* A Dossier Manager host in plain C11: proof that the ABI needs no C++ on the host side, and a
 * driver that fails loudly on any rule the plugin breaks.
 *
 *   c_host PLUGIN.so [--config PATH]
 *
 * Loads the plugin (built against any 1.x), checks its entry, starts it with the fake services of
 * c/host_services.c, drives every dm.ui/1 and dm.events/1 function, stops it, reports how often
 * the plugin used the dm.cases 1.1 functions, and exits 0 only when nothing was wrong. Built
 * against the frozen 1.0 headers, the same source is the 1.0 host of the compatibility tests
 * (c/abi_1_0.h). */
#define _XOPEN_SOURCE 700 /* dlopen, mkdtemp, nftw in strict C11 */

#include <dlfcn.h>
#include <dm/dm.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "c/abi_1_0.h"
#include "c/buffer.h"
#include "c/host_services.h"
#include "c/json.h"

static int g_violations;

static void violation(const char* call, const char* what) {
    g_violations++;
    fprintf(stderr, "c_host: VIOLATION in %s: %s\n", call, what);
}

static dm_str str(const char* text) {
    dm_str s;
    s.data = text;
    s.len = strlen(text);
    return s;
}

/* From 1.1, a status this host does not know (a newer plugin's) is not "out of range" but a failure
 * like DM_ERR_INTERNAL; a negative one is a bug. A 1.0 host knew every status there was. */
static int status_is_valid(dm_status status) {
#if DM_ABI_VERSION_MINOR >= 1
    return status >= DM_OK;
#else
    return (int)status >= DM_OK && (int)status <= DM_ERR_CONFLICT;
#endif
}

static dm_context context(const char* organisation, const char* user) {
    dm_context c;
    c.struct_size = sizeof c;
    c.organisation_id = str(organisation);
    c.user_id = str(user);
    c.locale = str("en");
    return c;
}

/* A call's outcome: its status, what it wrote into the result and the error sinks. */
typedef struct outcome {
    dm_status status;
    buffer result;
    buffer error;
    dm_sink result_sink;
    dm_sink error_sink;
} outcome;

static void outcome_begin(outcome* o) {
    buffer_init(&o->result);
    buffer_init(&o->error);
    o->result_sink = buffer_sink(&o->result);
    o->error_sink = buffer_sink(&o->error);
}

static void outcome_end(outcome* o) {
    buffer_free(&o->result);
    buffer_free(&o->error);
}

/* Checks the rules every call obeys; when it succeeded and `want` is JSON_ARRAY or JSON_OBJECT,
 * returns the parsed result (caller frees), else NULL. */
static json_value* expect_ok(const char* call, outcome* o, json_type want) {
    char why[160];
    json_value* doc;
    if (!status_is_valid(o->status)) {
        violation(call, "status code out of range");
        return NULL;
    }
    if (o->status != DM_OK) {
        char what[600];
        snprintf(what, sizeof what, "failed with status %d: %s", (int)o->status,
                 o->error.len > 0 ? buffer_cstr(&o->error) : "(no message)");
        violation(call, what);
        return NULL;
    }
    doc = json_parse(o->result.data, o->result.len, why, sizeof why);
    if (doc == NULL) {
        char what[512];
        snprintf(what, sizeof what, "result is not JSON (%s): %.120s", why,
                 buffer_cstr(&o->result));
        violation(call, what);
        return NULL;
    }
    if (doc->type != want) {
        violation(call, want == JSON_ARRAY ? "result is not a JSON array"
                                           : "result is not a JSON object");
        json_free(doc);
        return NULL;
    }
    return doc;
}

/* A call that must be refused: an in-range error status with a message. */
static void expect_refusal(const char* call, const outcome* o) {
    if (o->status == DM_OK) {
        violation(call, "succeeded but must return an error status");
    } else if (!status_is_valid(o->status)) {
        violation(call, "status code out of range");
    } else if (o->error.len == 0) {
        violation(call, "returned an error status without a message");
    }
}

/* The id of the first element of contributions[list], or NULL. */
static const char* first_id(const json_value* contributions, const char* list) {
    const json_value* items = json_member(contributions, list);
    if (items == NULL || items->type != JSON_ARRAY || items->count == 0)
        return NULL;
    return json_string_member(&items->items[0], "id");
}

static const struct dm_plugin_entry* load(const char* path, struct dm_plugin_entry* copy) {
    /* RTLD_LOCAL keeps the plugin's symbols to itself; the handle is never closed (see entry.h). */
    void* library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    const struct dm_plugin_entry* entry;
    if (library == NULL) {
        fprintf(stderr, "c_host: cannot load %s: %s\n", path, dlerror());
        return NULL;
    }
    entry = (const struct dm_plugin_entry*)dlsym(library, DM_PLUGIN_ENTRY_SYMBOL);
    if (entry == NULL) {
        fprintf(stderr, "c_host: %s does not export %s\n", path, DM_PLUGIN_ENTRY_SYMBOL);
        return NULL;
    }
    if (!dm_version_is_compatible(entry->abi_version)) {
        fprintf(stderr, "c_host: %s speaks ABI %u.%u, this host ABI %d.%d\n", path,
                entry->abi_version.major, entry->abi_version.minor, DM_ABI_VERSION_MAJOR,
                DM_ABI_VERSION_MINOR);
        return NULL;
    }
    if (entry->struct_size < DM_PLUGIN_ENTRY_V1_0_SIZE) {
        fprintf(stderr, "c_host: entry struct_size %u is smaller than ABI 1.0's %lu\n",
                entry->struct_size, (unsigned long)DM_PLUGIN_ENTRY_V1_0_SIZE);
        return NULL;
    }
    /* Copy what both sides know into a zeroed struct: fields of a newer plugin are ignored (and
     * said so), fields the plugin lacks stay NULL. */
    dm_struct_read(copy, sizeof *copy, entry, entry->struct_size, DM_PLUGIN_ENTRY_V1_0_SIZE);
    if (entry->struct_size > sizeof *copy || dm_version_is_newer(entry->abi_version)) {
        fprintf(stderr,
                "c_host: note: plugin is newer (ABI %u.%u, entry %u bytes; host ABI %d.%d, %lu "
                "bytes): what it added is not used\n",
                entry->abi_version.major, entry->abi_version.minor, entry->struct_size,
                DM_ABI_VERSION_MAJOR, DM_ABI_VERSION_MINOR, (unsigned long)sizeof *copy);
    }
    if (copy->init == NULL || copy->deinit == NULL || copy->get_extension == NULL ||
        copy->id == NULL || copy->name == NULL || copy->version == NULL) {
        fprintf(stderr, "c_host: entry lacks init, deinit, get_extension, id, name or version\n");
        return NULL;
    }
    return copy;
}

static int start(const struct dm_plugin_entry* plugin, const char* config, const char* data_dir) {
    dm_init_args args;
    outcome o;
    outcome_begin(&o);
    memset(&args, 0, sizeof args);
    args.struct_size = sizeof args;
    args.host = fake_host();
    args.config_path = str(config);
    args.data_directory = str(data_dir);
    o.status = plugin->init(&args, &o.error_sink);
    if (o.status != DM_OK) {
        fprintf(stderr, "c_host: init of %s failed with status %d: %s\n", plugin->id, (int)o.status,
                o.error.len > 0 ? buffer_cstr(&o.error) : "(no message: that is a violation too)");
    }
    outcome_end(&o);
    return o.status == DM_OK;
}

static int remove_entry(const char* path, const struct stat* info, int flag, struct FTW* ftw) {
    (void)info;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void drive_ui(const dm_plugin_ui* ui) {
    dm_context user = context(FAKE_ORGANISATION, FAKE_USER);
    dm_context empty = context("", "");
    const char* case_ids[] = {FAKE_CASE, FAKE_OTHER_CASE, FAKE_SECRET_CASE, "case-missing"};
    dm_str ids[4];
    size_t i;
    outcome o;
    json_value* all;
    json_value* doc;
    const char* panel;
    const char* column;
    const char* action;

    outcome_begin(&o);
    o.status = ui->contributions(&user, str(""), &o.result_sink, &o.error_sink);
    all = expect_ok("contributions (organisation)", &o, JSON_OBJECT);
    outcome_end(&o);
    panel = first_id(all, "panels");
    column = first_id(all, "columns");
    action = first_id(all, "actions");
    printf("c_host: contributes action %s, panel %s, column %s\n", action ? action : "-",
           panel ? panel : "-", column ? column : "-");

    outcome_begin(&o);
    o.status = ui->contributions(&user, str(FAKE_CASE), &o.result_sink, &o.error_sink);
    json_free(expect_ok("contributions (case)", &o, JSON_OBJECT));
    outcome_end(&o);

    outcome_begin(&o);
    o.status = ui->contributions(&empty, str(""), &o.result_sink, &o.error_sink);
    expect_refusal("contributions (empty context)", &o);
    outcome_end(&o);

    if (panel != NULL) {
        outcome_begin(&o);
        o.status =
            ui->render_panel(&user, str(panel), str(FAKE_CASE), &o.result_sink, &o.error_sink);
        doc = expect_ok("render_panel", &o, JSON_OBJECT);
        if (doc != NULL)
            printf("c_host: panel %s: %s\n", panel, buffer_cstr(&o.result));
        json_free(doc);
        outcome_end(&o);
    }
    outcome_begin(&o);
    o.status = ui->render_panel(&user, str("no.such.panel"), str(FAKE_CASE), &o.result_sink,
                                &o.error_sink);
    expect_refusal("render_panel (unknown panel)", &o);
    outcome_end(&o);

    if (action != NULL) {
        outcome_begin(&o);
        o.status = ui->invoke_action(&user, str(action), str(FAKE_CASE), str("{}"), &o.result_sink,
                                     &o.error_sink);
        json_free(expect_ok("invoke_action", &o, JSON_OBJECT));
        outcome_end(&o);
    }
    outcome_begin(&o);
    o.status = ui->invoke_action(&user, str("no.such.action"), str(FAKE_CASE), str("{}"),
                                 &o.result_sink, &o.error_sink);
    expect_refusal("invoke_action (unknown action)", &o);
    outcome_end(&o);

    if (column != NULL) {
        size_t counts[] = {4, 1, 0};
        for (i = 0; i < 4; i++)
            ids[i] = str(case_ids[i]);
        for (i = 0; i < sizeof counts / sizeof counts[0]; i++) {
            char call[64];
            snprintf(call, sizeof call, "column_values (%lu cases)", (unsigned long)counts[i]);
            outcome_begin(&o);
            o.status = ui->column_values(&user, str(column), ids, counts[i], &o.result_sink,
                                         &o.error_sink);
            doc = expect_ok(call, &o, JSON_ARRAY);
            if (doc != NULL && doc->count != counts[i]) {
                char what[128];
                snprintf(what, sizeof what, "returned %lu cells for %lu cases",
                         (unsigned long)doc->count, (unsigned long)counts[i]);
                violation(call, what);
            } else if (doc != NULL && counts[i] == 4) {
                printf("c_host: column %s: %s\n", column, buffer_cstr(&o.result));
            }
            json_free(doc);
            outcome_end(&o);
        }
    }
    outcome_begin(&o);
    o.status =
        ui->column_values(&user, str("no.such.column"), ids, 1, &o.result_sink, &o.error_sink);
    expect_refusal("column_values (unknown column)", &o);
    outcome_end(&o);

    if (panel == NULL || column == NULL || action == NULL) {
        printf("c_host: note: the plugin contributes no %s for this organisation\n",
               panel == NULL    ? "panel"
               : column == NULL ? "column"
                                : "action");
    }
    json_free(all);
}

static void drive_events(const dm_plugin_events* events) {
    dm_context user = context(FAKE_ORGANISATION, FAKE_USER);
    const dm_event_kind kinds[] = {DM_EVENT_CASE_CLOSED, DM_EVENT_CASE_DELETED,
                                   DM_EVENT_ATTACHMENT_DELETED, DM_EVENT_USER_REMOVED,
                                   DM_EVENT_ORGANISATION_LICENCE_CHANGED};
    size_t i;
    outcome o;
    dm_event e;
    for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        char call[64];
        memset(&e, 0, sizeof e);
        e.struct_size = sizeof e;
        e.kind = kinds[i];
        e.case_id = str(kinds[i] <= DM_EVENT_ATTACHMENT_DELETED ? FAKE_OTHER_CASE : "");
        e.attachment_id = str(kinds[i] == DM_EVENT_ATTACHMENT_DELETED ? FAKE_ATTACHMENT : "");
        e.user_id = str(kinds[i] == DM_EVENT_USER_REMOVED ? FAKE_OTHER_USER : "");
        snprintf(call, sizeof call, "on_event (kind %d)", (int)kinds[i]);
        outcome_begin(&o);
        o.status = events->on_event(&user, &e, &o.error_sink);
        /* A kind the plugin has no use for may answer "unsupported"; anything else is a failure. */
        if (o.status == DM_ERR_UNSUPPORTED && o.error.len > 0) {
            printf("c_host: %s: unsupported (%s)\n", call, buffer_cstr(&o.error));
        } else if (o.status != DM_OK) {
            char what[600];
            snprintf(what, sizeof what, "status %d: %s", (int)o.status,
                     o.error.len > 0 ? buffer_cstr(&o.error) : "(no message)");
            violation(call, what);
        }
        outcome_end(&o);
    }
    /* Kinds are appended over time: one this plugin cannot know must be answered "unsupported". */
    memset(&e, 0, sizeof e);
    e.struct_size = sizeof e;
    e.kind = 999;
    outcome_begin(&o);
    o.status = events->on_event(&user, &e, &o.error_sink);
    if (o.status != DM_ERR_UNSUPPORTED)
        violation("on_event (kind 999)", "must answer DM_ERR_UNSUPPORTED");
    outcome_end(&o);
}

int main(int argc, char** argv) {
    const char* config = "";
    char data_dir[] = "/tmp/dm-c-host-XXXXXX";
    struct dm_plugin_entry copy;
    const struct dm_plugin_entry* plugin;
    const dm_plugin_ui* raw_ui;
    const dm_plugin_events* raw_events;
    dm_plugin_ui ui; /* our copies of the plugin's tables (version.h) */
    dm_plugin_events events;

    if (argc == 4 && strcmp(argv[2], "--config") == 0) {
        config = argv[3];
    } else if (argc != 2) {
        fprintf(stderr, "usage: %s PLUGIN.so [--config PATH]\n", argv[0]);
        return 2;
    }
    plugin = load(argv[1], &copy);
    if (plugin == NULL)
        return 1;
    printf("c_host: loaded %s %s (%s) by %s, ABI %u.%u\n", plugin->name, plugin->version,
           plugin->id, plugin->vendor ? plugin->vendor : "?", plugin->abi_version.major,
           plugin->abi_version.minor);

    if (mkdtemp(data_dir) == NULL || fake_host_start(data_dir) != 0) {
        fprintf(stderr, "c_host: cannot prepare a scratch directory\n");
        return 1;
    }
    if (!start(plugin, config, data_dir))
        return 1;

    if (plugin->get_extension("dm.no-such-extension/1") != NULL) {
        violation("get_extension", "returned non-NULL for an unknown id");
    }
    raw_ui = plugin->get_extension(DM_EXT_UI);
    if (raw_ui == NULL ||
        !dm_struct_read(&ui, sizeof ui, raw_ui, raw_ui->struct_size, DM_PLUGIN_UI_V1_0_SIZE) ||
        ui.contributions == NULL || ui.invoke_action == NULL || ui.render_panel == NULL ||
        ui.column_values == NULL) {
        violation("get_extension(dm.ui/1)", "missing, too small, or with NULL functions");
    } else {
        drive_ui(&ui);
    }
    raw_events = plugin->get_extension(DM_EXT_EVENTS);
    if (raw_events == NULL ||
        !dm_struct_read(&events, sizeof events, raw_events, raw_events->struct_size,
                        DM_PLUGIN_EVENTS_V1_0_SIZE) ||
        events.on_event == NULL) {
        violation("get_extension(dm.events/1)", "missing, too small, or with a NULL function");
    } else {
        drive_events(&events);
    }

    plugin->deinit();
#if DM_ABI_VERSION_MINOR >= 1
    printf(
        "c_host: dm.cases 1.1 used by the plugin: read_case %ld call(s), add_journal_entry %ld "
        "entr%s\n",
        fake_host_read_case_calls(), fake_host_journal_entries_added(),
        fake_host_journal_entries_added() == 1 ? "y" : "ies");
#endif
    if (fake_host_open_streams() != 0)
        violation("deinit", "attachment streams left open");
    fake_host_stop();
    nftw(data_dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);

    g_violations += (int)fake_host_violations();
    if (g_violations > 0) {
        fprintf(stderr, "c_host: FAILED: %d violation(s) by %s\n", g_violations, plugin->id);
        return 1;
    }
    printf("c_host: OK: %s follows the ABI as far as a plain C host can tell\n", plugin->id);
    return 0;
}
