/* A Dossier Manager plugin in plain C11: proof that the ABI needs no C++ on the plugin side, and an
 * example of a plugin that runs in a host of any 1.x minor version.
 *
 * It contributes one case action, one case panel and one column, reads cases through the host's
 * dm.cases/1, and accepts every dm.events/1 kind. Where the host offers the 1.1 additions it uses
 * them (one read_case for the panel, a journal entry for the action); in a 1.0 host it falls back
 * to the 1.0 calls, and its panel says which path it took. Built with -fvisibility=hidden so that
 * `dm_plugin_entry` is its only export. Built against the frozen 1.0 headers, the same source is
 * the 1.0 plugin of the compatibility tests (c/abi_1_0.h): it knows only the 1.0 calls.
 *
 * The same source also builds the deliberately broken fixtures of tests/abi: each defines exactly
 * one DM_C_PLUGIN_DEFECT_* macro and breaks exactly one rule, so a checker that flags a fixture can
 * only have flagged that rule. */
#include <dm/dm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "c/abi_1_0.h"
#include "c/buffer.h"
#include "c/json.h"

#define ACTION_ID "c.hello"
#define PANEL_ID "c.summary"
#define COLUMN_ID "c.title_length"

/* Written once by `init` on the main thread before the host may call anything else; read-only
 * afterwards, so the [any-thread] functions need no lock. The tables are our own zero-filled
 * copies of the host's (dm_struct_read): a 1.1 function a 1.0 host lacks is NULL here. */
static const dm_host* g_host;
static dm_host_cases g_cases;
static dm_host_log g_log;
static int g_has_log;

static int str_is(dm_str s, const char* text) {
    size_t n = strlen(text);
    return s.len == n && (n == 0 || memcmp(s.data, text, n) == 0);
}

static void log_line(dm_log_level level, const char* message) {
    if (g_has_log && g_log.log != NULL) {
        dm_str m;
        m.data = message;
        m.len = strlen(message);
        g_log.log(g_host, level, m);
    }
}

static dm_status fail(const dm_sink* error, dm_status status, const char* message) {
#if defined(DM_C_PLUGIN_DEFECT_SILENT_ERROR)
    (void)error;
    (void)message;
#else
    sink_write_cstr(error, message);
#endif
    return status;
}

/* Every call must name an organisation; without one the plugin cannot confine anything. Any
 * context from 1.0's size up is usable; only 1.0's fields are read. */
static int context_is_usable(const dm_context* ctx) {
    return ctx != NULL && ctx->struct_size >= DM_CONTEXT_V1_0_SIZE && ctx->organisation_id.len > 0;
}

#define REQUIRE_CONTEXT(ctx, error)                                                           \
    do {                                                                                      \
        if (!context_is_usable(ctx))                                                          \
            return fail(error, DM_ERR_INVALID_ARGUMENT, "the context names no organisation"); \
    } while (0)

/* Reads the case's title through the host. Returns the host's status; on DM_OK `title` holds it. */
static dm_status case_title(const dm_context* ctx, dm_str case_id, buffer* title,
                            const dm_sink* error) {
    buffer details, message;
    dm_sink result_sink, error_sink;
    dm_status status;
    buffer_init(&details);
    buffer_init(&message);
    result_sink = buffer_sink(&details);
    error_sink = buffer_sink(&message);
    status = g_cases.case_details(g_host, ctx, case_id, &result_sink, &error_sink);
    if (status != DM_OK) {
        sink_write_cstr(error, message.len > 0 ? buffer_cstr(&message) : "case details failed");
    } else {
        char why[128];
        json_value* doc = json_parse(details.data, details.len, why, sizeof why);
        const char* text = json_string_member(doc, "title");
        if (text == NULL) {
            status = fail(error, DM_ERR_INTERNAL, "the host's case details have no title");
        } else {
            buffer_append_cstr(title, text);
        }
        json_free(doc);
    }
    buffer_free(&details);
    buffer_free(&message);
    return status;
}

static void write_buffer(const dm_sink* sink, const buffer* b) {
    if (sink != NULL && sink->write != NULL && !b->oom)
        sink->write(sink->ctx, b->data, b->len);
}

/* One 1.0 read of a case into `out` as JSON; the host's message goes to `error`. */
typedef dm_status (*case_read_fn)(const struct dm_host*, const dm_context*, dm_str, const dm_sink*,
                                  const dm_sink*);
static dm_status read_part(case_read_fn fn, const dm_context* ctx, dm_str case_id, buffer* out,
                           const dm_sink* error) {
    dm_sink sink = buffer_sink(out);
    return fn(g_host, ctx, case_id, &sink, error);
}

/* Element count of the array `member` of `doc` (or of `doc` itself when `member` is NULL). */
static size_t count_of(const json_value* doc, const char* member) {
    const json_value* v = member != NULL ? json_member(doc, member) : doc;
    return (v != NULL && v->type == JSON_ARRAY) ? v->count : 0;
}

/* What the panel shows of a case: title, journal and attachment counts, and how they were read.
 * A 1.1 host answers a 1.1 plugin in one read_case; a 1.0 host or plugin makes the three 1.0
 * calls. */
typedef struct case_summary {
    buffer title;
    size_t journal_entries;
    size_t attachments;
    const char* read_with;
} case_summary;

static dm_status summarise_case(const dm_context* ctx, dm_str case_id, case_summary* summary,
                                const dm_sink* error) {
    char why[128];
    dm_status status;
#if DM_ABI_VERSION_MINOR >= 1
    if (g_cases.read_case != NULL) {
        buffer answer;
        dm_sink sink;
        buffer_init(&answer);
        sink = buffer_sink(&answer);
        status = g_cases.read_case(
            g_host, ctx, case_id,
            DM_CASE_PART_DETAILS | DM_CASE_PART_JOURNAL | DM_CASE_PART_ATTACHMENTS, &sink, error);
        if (status == DM_OK) {
            json_value* doc = json_parse(answer.data, answer.len, why, sizeof why);
            const char* title = json_string_member(json_member(doc, "details"), "title");
            if (title == NULL) {
                status = fail(error, DM_ERR_INTERNAL, "the host's read_case has no details.title");
            } else {
                buffer_append_cstr(&summary->title, title);
                summary->journal_entries = count_of(doc, "journal");
                summary->attachments = count_of(doc, "attachments");
                summary->read_with = "read_case";
            }
            json_free(doc);
        }
        buffer_free(&answer);
        return status;
    }
#endif
    status = case_title(ctx, case_id, &summary->title, error);
    if (status == DM_OK) {
        buffer journal, attachments;
        buffer_init(&journal);
        buffer_init(&attachments);
        status = read_part(g_cases.journal_entries, ctx, case_id, &journal, error);
        if (status == DM_OK)
            status = read_part(g_cases.attachments, ctx, case_id, &attachments, error);
        if (status == DM_OK) {
            json_value* j = json_parse(journal.data, journal.len, why, sizeof why);
            json_value* a = json_parse(attachments.data, attachments.len, why, sizeof why);
            summary->journal_entries = count_of(j, NULL);
            summary->attachments = count_of(a, NULL);
            summary->read_with = "three 1.0 calls";
            json_free(j);
            json_free(a);
        }
        buffer_free(&journal);
        buffer_free(&attachments);
    }
    return status;
}

static dm_status contributions(const dm_context* ctx, dm_str case_id, const dm_sink* result,
                               const dm_sink* error) {
    static const char all[] = "{\"actions\":[{\"id\":\"" ACTION_ID
                              "\",\"title\":\"Say hello\",\"icon\":\"hand\","
                              "\"scope\":\"case\"}],"
                              "\"panels\":[{\"id\":\"" PANEL_ID
                              "\",\"title\":\"C summary\",\"icon\":\"info\","
                              "\"scope\":\"case\"}],"
                              "\"columns\":[{\"id\":\"" COLUMN_ID
                              "\",\"title\":\"Title length\","
                              "\"default_visible\":false}]}";
    REQUIRE_CONTEXT(ctx, error);
    if (case_id.len > 0) {
        /* Only for cases the user can see: asking for the title is the access check. */
        buffer title;
        dm_status status;
        buffer_init(&title);
        status = case_title(ctx, case_id, &title, NULL);
        buffer_free(&title);
        if (status != DM_OK) {
            sink_write_cstr(result, "{}");
            return DM_OK;
        }
    }
    sink_write_cstr(result, all);
    return DM_OK;
}

static dm_status invoke_action(const dm_context* ctx, dm_str action_id, dm_str case_id,
                               dm_str payload_json, const dm_sink* result, const dm_sink* error) {
    buffer title, out;
    dm_status status;
    (void)payload_json;
    REQUIRE_CONTEXT(ctx, error);
    if (!str_is(action_id, ACTION_ID))
        return fail(error, DM_ERR_UNSUPPORTED, "unknown action");
    if (case_id.len == 0)
        return fail(error, DM_ERR_INVALID_ARGUMENT, "the action needs a case");
    buffer_init(&title);
    buffer_init(&out);
    status = case_title(ctx, case_id, &title, error);
#if DM_ABI_VERSION_MINOR >= 1
    if (status == DM_OK && g_cases.add_journal_entry != NULL) {
        /* A 1.1 host keeps a record of the greeting in the case's own journal. */
        buffer entry;
        dm_sink entry_sink;
        dm_str text;
        buffer_init(&entry);
        entry_sink = buffer_sink(&entry);
        text.data = "The C plugin said hello.";
        text.len = strlen(text.data);
        status = g_cases.add_journal_entry(g_host, ctx, case_id, text, DM_JOURNAL_INTERNAL,
                                           &entry_sink, error);
        buffer_free(&entry);
        buffer_append_cstr(&title, " (recorded in the journal)");
    }
#endif
    if (status == DM_OK) {
        buffer_append_cstr(&out, "{\"type\":\"notice\",\"level\":\"info\",\"text\":");
        buffer_append_cstr(&title, ": hello from C");
        buffer_append_json_string(&out, title.data, title.len);
        buffer_append_cstr(&out, "}");
        write_buffer(result, &out);
    }
    buffer_free(&title);
    buffer_free(&out);
    return status;
}

static dm_status render_panel(const dm_context* ctx, dm_str panel_id, dm_str case_id,
                              const dm_sink* result, const dm_sink* error) {
    case_summary summary;
    buffer out;
    dm_status status;
    REQUIRE_CONTEXT(ctx, error);
    if (!str_is(panel_id, PANEL_ID))
        return fail(error, DM_ERR_UNSUPPORTED, "unknown panel");
    if (case_id.len == 0)
        return fail(error, DM_ERR_INVALID_ARGUMENT, "the panel needs a case");
#if defined(DM_C_PLUGIN_DEFECT_CRASH_IN_PANEL)
    {
        volatile int* nowhere = NULL;
        *nowhere = 1;
    }
#endif
#if defined(DM_C_PLUGIN_DEFECT_NOT_JSON)
    sink_write_cstr(result, "<div>C summary</div>");
    return DM_OK;
#endif
    memset(&summary, 0, sizeof summary);
    buffer_init(&summary.title);
    buffer_init(&out);
    status = summarise_case(ctx, case_id, &summary, error);
    if (status == DM_OK) {
        char counts[160];
        buffer_append_cstr(&out,
                           "{\"type\":\"panel\",\"title\":\"C summary\",\"body\":"
                           "[{\"type\":\"pairs\",\"items\":[{\"label\":\"Case title\",\"value\":");
        buffer_append_json_string(&out, summary.title.data, summary.title.len);
        snprintf(counts, sizeof counts,
                 "},{\"label\":\"Journal entries\",\"value\":\"%lu\"},"
                 "{\"label\":\"Attachments\",\"value\":\"%lu\"},"
                 "{\"label\":\"Read with\",\"value\":",
                 (unsigned long)summary.journal_entries, (unsigned long)summary.attachments);
        buffer_append_cstr(&out, counts);
        buffer_append_json_string(&out, summary.read_with, strlen(summary.read_with));
        buffer_append_cstr(&out, "}]}]}");
        write_buffer(result, &out);
    }
    buffer_free(&summary.title);
    buffer_free(&out);
    return status;
}

static dm_status column_values(const dm_context* ctx, dm_str column_id, const dm_str* case_ids,
                               size_t count, const dm_sink* result, const dm_sink* error) {
    buffer out, title;
    size_t i, cells = count;
    REQUIRE_CONTEXT(ctx, error);
    if (!str_is(column_id, COLUMN_ID))
        return fail(error, DM_ERR_UNSUPPORTED, "unknown column");
    if (count > 0 && case_ids == NULL) {
        return fail(error, DM_ERR_INVALID_ARGUMENT, "case_ids is NULL");
    }
#if defined(DM_C_PLUGIN_DEFECT_COLUMN_COUNT)
    if (cells > 0)
        cells--;
#endif
    buffer_init(&out);
    buffer_init(&title);
    buffer_append_cstr(&out, "[");
    for (i = 0; i < cells; i++) {
        if (i > 0)
            buffer_append_cstr(&out, ",");
        buffer_clear(&title);
        /* A case the user may not see gets null, like a case without a title. */
        if (case_title(ctx, case_ids[i], &title, NULL) != DM_OK) {
            buffer_append_cstr(&out, "null");
        } else {
            char text[32];
            snprintf(text, sizeof text, "{\"text\":\"%lu\"}", (unsigned long)title.len);
            buffer_append_cstr(&out, text);
        }
    }
    buffer_append_cstr(&out, "]");
    write_buffer(result, &out);
    buffer_free(&out);
    buffer_free(&title);
    return DM_OK;
}

static dm_status on_event(const dm_context* ctx, const dm_event* theirs, const dm_sink* error) {
    dm_event event;
    REQUIRE_CONTEXT(ctx, error);
    if (theirs == NULL ||
        !dm_struct_read(&event, sizeof event, theirs, theirs->struct_size, DM_EVENT_V1_0_SIZE)) {
        return fail(error, DM_ERR_INVALID_ARGUMENT, "event missing or too small");
    }
    /* A kind added after 1.1 is ignored: "unsupported" tells the host there was nothing to do. */
    switch (event.kind) {
        case DM_EVENT_CASE_CLOSED:
        case DM_EVENT_CASE_DELETED:
        case DM_EVENT_ATTACHMENT_DELETED:
        case DM_EVENT_USER_REMOVED:
        case DM_EVENT_ORGANISATION_LICENCE_CHANGED:
            log_line(DM_LOG_DEBUG, "c plugin: event received, nothing to clean up");
            return DM_OK;
    }
    return fail(error, DM_ERR_UNSUPPORTED, "unknown event kind");
}

static const dm_plugin_ui g_ui = {sizeof(dm_plugin_ui), contributions, invoke_action, render_panel,
                                  column_values};
static const dm_plugin_events g_events = {sizeof(dm_plugin_events), on_event};

#if defined(DM_C_PLUGIN_DEFECT_NULL_INIT)
#define INIT_ATTRIBUTES __attribute__((unused)) /* the fixture leaves init out of its entry */
#else
#define INIT_ATTRIBUTES
#endif

/* Reads the host's table `id` into `own` (version.h); 0 when the host does not offer it. */
static int host_table(const dm_host* host, const char* id, void* own, size_t own_size,
                      size_t v1_0_size) {
    const void* theirs = host->get_extension(host, id);
    /* Every table starts with its uint32_t struct_size. */
    uint32_t their_size = theirs != NULL ? *(const uint32_t*)theirs : 0;
#if defined(DM_C_PLUGIN_DEFECT_REFUSES_OLDER_HOST)
    v1_0_size = own_size; /* the 1.0 mistake: demands today's sizeof from every host */
#endif
    return dm_struct_read(own, own_size, theirs, their_size, v1_0_size);
}

INIT_ATTRIBUTES static dm_status init(const dm_init_args* theirs, const dm_sink* error) {
    dm_init_args args;
    if (theirs == NULL ||
        !dm_struct_read(&args, sizeof args, theirs, theirs->struct_size, DM_INIT_ARGS_V1_0_SIZE) ||
        args.host == NULL) {
        return fail(error, DM_ERR_INVALID_ARGUMENT, "init arguments missing or too small");
    }
    if (!dm_version_is_compatible(args.host->abi_version) ||
        args.host->struct_size < DM_HOST_V1_0_SIZE || args.host->get_extension == NULL) {
        return fail(error, DM_ERR_UNSUPPORTED, "the host speaks another ABI");
    }
    if (!host_table(args.host, DM_EXT_CASES, &g_cases, sizeof g_cases, DM_HOST_CASES_V1_0_SIZE)) {
        return fail(error, DM_ERR_UNSUPPORTED, "the host does not offer dm.cases/1");
    }
#if defined(DM_C_PLUGIN_DEFECT_IGNORES_STRUCT_SIZE)
    /* The mistake the rule prevents: using the host's table in place, past its struct_size. */
    memcpy(&g_cases, args.host->get_extension(args.host, DM_EXT_CASES), sizeof g_cases);
#endif
    g_has_log = host_table(args.host, DM_EXT_LOG, &g_log, sizeof g_log, DM_HOST_LOG_V1_0_SIZE);
    g_host = args.host;
#if DM_ABI_VERSION_MINOR >= 1
    log_line(DM_LOG_INFO, g_cases.read_case != NULL
                              ? "c plugin: started; the host offers dm.cases 1.1"
                              : "c plugin: started; the host offers dm.cases 1.0, using 1.0 calls");
#else
    log_line(DM_LOG_INFO, "c plugin: started");
#endif
    return DM_OK;
}

static void deinit(void) {
    log_line(DM_LOG_INFO, "c plugin: stopped");
    g_host = NULL;
    memset(&g_cases, 0, sizeof g_cases);
    memset(&g_log, 0, sizeof g_log);
    g_has_log = 0;
}

static const void* get_extension(const char* extension_id) {
    if (extension_id == NULL)
        return NULL;
    if (strcmp(extension_id, DM_EXT_UI) == 0)
        return &g_ui;
    if (strcmp(extension_id, DM_EXT_EVENTS) == 0)
        return &g_events;
    return NULL;
}

#if defined(DM_C_PLUGIN_DEFECT_LEAKY_EXPORTS)
/* A helper someone forgot to hide: the only defect of the leaky fixture. */
DM_EXPORT int dm_c_plugin_leaked_helper(void) {
    return 42;
}
#endif

DM_EXPORT const struct dm_plugin_entry dm_plugin_entry = {
#if defined(DM_C_PLUGIN_DEFECT_WRONG_MAJOR)
    {DM_ABI_VERSION_MAJOR + 1, 0, 0},
#else
    DM_ABI_VERSION_INIT,
#endif
#if defined(DM_C_PLUGIN_DEFECT_SMALL_STRUCT)
    (uint32_t)offsetof(struct dm_plugin_entry, init),
#else
    sizeof(struct dm_plugin_entry),
#endif
    "org.example.c-plugin",
    "C Plugin",
    "Example AG",
    "1.0.0",
#if defined(DM_C_PLUGIN_DEFECT_NULL_INIT)
    NULL,
#else
    init,
#endif
    deinit,
    get_extension};
