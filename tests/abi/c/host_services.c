/* Every service is [any-thread]: the data is constant and the counters are atomic. */
#define _XOPEN_SOURCE 700 /* pread, O_CLOEXEC in strict C11 */

#include "host_services.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abi_1_0.h"
#include "buffer.h"

#define ATTACHMENT_CONTENT "Fake attachment content for the plain C host.\n"
#define ATTACHMENT_SHA256 "9e504f60abc6d4486d26bad44adf1932fe80d004b976882e6a759fd070fbedc0"

struct dm_attachment_stream {
    int fd;
    int64_t size;
};

static char g_attachment_path[4096];
static atomic_long g_open_streams;
static atomic_long g_violations;
static atomic_long g_read_case_calls;
static atomic_long g_journal_entries_added;

static void complain(const char* what) {
    atomic_fetch_add(&g_violations, 1);
    fprintf(stderr, "c_host: VIOLATION by the plugin: %s\n", what);
}

static int is(dm_str s, const char* text) {
    size_t n = strlen(text);
    return s.len == n && (n == 0 || memcmp(s.data, text, n) == 0);
}

static dm_status refuse(const dm_sink* error, dm_status status, const char* message) {
    sink_write_cstr(error, message);
    return status;
}

/* The checks every service applies first: a usable context confined to our one organisation.
 * Returns DM_OK or the status to answer with (message already written). */
static dm_status admit(const dm_context* ctx, const dm_sink* error) {
    /* Any context from 1.0's size up (version.h); only 1.0's fields are read. */
    if (ctx == NULL || ctx->struct_size < DM_CONTEXT_V1_0_SIZE) {
        complain("host service called without a dm_context of ABI 1.0 or later");
        return refuse(error, DM_ERR_INVALID_ARGUMENT, "context missing or too small");
    }
    if (ctx->organisation_id.len == 0) {
        /* Not a violation: a plugin may pass on an empty context it received; it gets an error. */
        return refuse(error, DM_ERR_INVALID_ARGUMENT, "context names no organisation");
    }
    if (!is(ctx->organisation_id, FAKE_ORGANISATION)) {
        return refuse(error, DM_ERR_NOT_FOUND, "no such case");
    }
    return DM_OK;
}

/* Which case an id names, honouring the acting user's rights; -1 with the status written if none.
 */
static dm_status find_case(const dm_context* ctx, dm_str case_id, const dm_sink* error,
                           int* index) {
    dm_status s = admit(ctx, error);
    if (s != DM_OK)
        return s;
    if (is(case_id, FAKE_CASE)) {
        *index = 0;
    } else if (is(case_id, FAKE_OTHER_CASE)) {
        *index = 1;
    } else if (is(case_id, FAKE_SECRET_CASE)) {
        /* Only the organisation itself (empty user id, the portal) may read the secret case. */
        if (ctx->user_id.len > 0)
            return refuse(error, DM_ERR_DENIED, "access denied");
        *index = 2;
    } else {
        return refuse(error, DM_ERR_NOT_FOUND, "no such case");
    }
    return DM_OK;
}

static const char* const g_case_details[] = {
    "{\"id\":\"case-1\",\"number\":\"2026-0001\",\"title\":\"Baugesuch Z\xc3\xbcrich "
    "\\\"Nord\\\"\","
    "\"status\":\"open\",\"case_type\":{\"id\":\"permit\",\"name\":\"Building permit\"},"
    "\"owner_user_id\":\"user-1\",\"fields\":[{\"id\":\"parcel\",\"label\":\"Parcel\","
    "\"value\":\"ZH-4711\"}],\"correspondent\":{\"name\":\"Erika Muster\","
    "\"email\":\"erika@example.org\",\"phone\":\"+41790000000\"}}",
    "{\"id\":\"case-2\",\"number\":\"2026-0002\",\"title\":\"Tax appeal\",\"status\":\"closed\","
    "\"case_type\":{\"id\":\"tax\",\"name\":\"Tax\"},\"owner_user_id\":\"user-2\",\"fields\":[],"
    "\"correspondent\":{\"name\":\"\",\"email\":\"\",\"phone\":\"\"}}",
    "{\"id\":\"case-secret\",\"number\":\"2026-0003\",\"title\":\"Secret\",\"status\":\"open\","
    "\"case_type\":{\"id\":\"tax\",\"name\":\"Tax\"},\"owner_user_id\":\"user-2\",\"fields\":[],"
    "\"correspondent\":{\"name\":\"\",\"email\":\"\",\"phone\":\"\"}}"};

static dm_status case_details(const dm_host* host, const dm_context* ctx, dm_str case_id,
                              const dm_sink* result, const dm_sink* error) {
    int i = 0;
    dm_status s = find_case(ctx, case_id, error, &i);
    (void)host;
    if (s == DM_OK)
        sink_write_cstr(result, g_case_details[i]);
    return s;
}

static void write_journal(const dm_sink* result, int i) {
    sink_write_cstr(result, i != 0
                                ? "[]"
                                : "[{\"id\":\"j-1\",\"date\":\"2026-01-05T09:00:00Z\",\"author\":"
                                  "\"Anna Beispiel\",\"text\":\"Application received\","
                                  "\"internal\":false},{\"id\":\"j-2\",\"date\":"
                                  "\"2026-01-06T10:30:00Z\",\"author\":\"Anna Beispiel\","
                                  "\"text\":\"Internal note\",\"internal\":true}]");
}

static void write_attachments(const dm_sink* result, int i) {
    char json[512];
    snprintf(json, sizeof json,
             "[{\"id\":\"" FAKE_ATTACHMENT
             "\",\"name\":\"plan.txt\",\"size\":%lu,"
             "\"media_type\":\"text/plain\",\"modified\":\"2026-01-05T09:00:00Z\","
             "\"sha256\":\"" ATTACHMENT_SHA256 "\"}]",
             (unsigned long)strlen(ATTACHMENT_CONTENT));
    sink_write_cstr(result, i == 0 ? json : "[]");
}

static dm_status journal_entries(const dm_host* host, const dm_context* ctx, dm_str case_id,
                                 const dm_sink* result, const dm_sink* error) {
    int i = 0;
    dm_status s = find_case(ctx, case_id, error, &i);
    (void)host;
    if (s == DM_OK)
        write_journal(result, i);
    return s;
}

static dm_status attachments(const dm_host* host, const dm_context* ctx, dm_str case_id,
                             const dm_sink* result, const dm_sink* error) {
    int i = 0;
    dm_status s = find_case(ctx, case_id, error, &i);
    (void)host;
    if (s == DM_OK)
        write_attachments(result, i);
    return s;
}

#if DM_ABI_VERSION_MINOR >= 1
/* dm.cases 1.1: the parts asked for in one object; bits of a newer plugin are ignored. */
static dm_status read_case(const dm_host* host, const dm_context* ctx, dm_str case_id,
                           uint32_t parts, const dm_sink* result, const dm_sink* error) {
    int i = 0;
    const char* separator = "{";
    dm_status s;
    (void)host;
    atomic_fetch_add(&g_read_case_calls, 1);
    parts &= DM_CASE_PARTS_V1_1;
    if (parts == 0)
        return refuse(error, DM_ERR_INVALID_ARGUMENT, "read_case: no known part asked for");
    s = find_case(ctx, case_id, error, &i);
    if (s != DM_OK)
        return s;
    if (parts & DM_CASE_PART_DETAILS) {
        sink_write_cstr(result, "{\"details\":");
        sink_write_cstr(result, g_case_details[i]);
        separator = ",";
    }
    if (parts & DM_CASE_PART_JOURNAL) {
        sink_write_cstr(result, separator);
        sink_write_cstr(result, "\"journal\":");
        write_journal(result, i);
        separator = ",";
    }
    if (parts & DM_CASE_PART_ATTACHMENTS) {
        sink_write_cstr(result, separator);
        sink_write_cstr(result, "\"attachments\":");
        write_attachments(result, i);
    }
    sink_write_cstr(result, "}");
    return DM_OK;
}

/* dm.cases 1.1: the entry is counted and echoed back, not kept. */
static dm_status add_journal_entry(const dm_host* host, const dm_context* ctx, dm_str case_id,
                                   dm_str text, uint32_t flags, const dm_sink* result,
                                   const dm_sink* error) {
    int i = 0;
    dm_status s = find_case(ctx, case_id, error, &i);
    buffer out;
    (void)host;
    if (s != DM_OK)
        return s;
    if ((flags & ~DM_JOURNAL_INTERNAL) != 0)
        return refuse(error, DM_ERR_INVALID_ARGUMENT, "add_journal_entry: unknown flags");
    if (text.len == 0 || text.data == NULL)
        return refuse(error, DM_ERR_INVALID_ARGUMENT, "add_journal_entry: empty text");
    atomic_fetch_add(&g_journal_entries_added, 1);
    buffer_init(&out);
    buffer_append_cstr(&out, "{\"id\":\"j-new\",\"date\":\"2026-01-07T08:00:00Z\",\"author\":");
    buffer_append_json_string(&out, ctx->user_id.len ? ctx->user_id.data : "Plain C Host",
                              ctx->user_id.len ? ctx->user_id.len : strlen("Plain C Host"));
    buffer_append_cstr(&out, ",\"text\":");
    buffer_append_json_string(&out, text.data, text.len);
    buffer_append_cstr(
        &out, (flags & DM_JOURNAL_INTERNAL) ? ",\"internal\":true}" : ",\"internal\":false}");
    if (out.oom) {
        buffer_free(&out);
        return refuse(error, DM_ERR_INTERNAL, "out of memory");
    }
    sink_write_cstr(result, buffer_cstr(&out));
    buffer_free(&out);
    return DM_OK;
}
#endif

static dm_status case_types(const dm_host* host, const dm_context* ctx, const dm_sink* result,
                            const dm_sink* error) {
    dm_status s = admit(ctx, error);
    (void)host;
    if (s == DM_OK) {
        sink_write_cstr(result,
                        "[{\"id\":\"permit\",\"name\":\"Building permit\"},"
                        "{\"id\":\"tax\",\"name\":\"Tax\"}]");
    }
    return s;
}

static dm_status open_attachment(const dm_host* host, const dm_context* ctx, dm_str case_id,
                                 dm_str attachment_id, dm_attachment_stream** stream,
                                 const dm_sink* error) {
    int i = 0;
    dm_status s = find_case(ctx, case_id, error, &i);
    dm_attachment_stream* st;
    struct stat info;
    (void)host;
    if (s != DM_OK)
        return s;
    if (stream == NULL) {
        complain("open_attachment called without an out pointer");
        return refuse(error, DM_ERR_INVALID_ARGUMENT, "stream out pointer is NULL");
    }
    if (i != 0 || !is(attachment_id, FAKE_ATTACHMENT)) {
        return refuse(error, DM_ERR_NOT_FOUND, "no such attachment");
    }
    st = malloc(sizeof *st);
    if (st == NULL)
        return refuse(error, DM_ERR_INTERNAL, "out of memory");
    st->fd = open(g_attachment_path, O_RDONLY | O_CLOEXEC);
    if (st->fd < 0 || fstat(st->fd, &info) != 0) {
        if (st->fd >= 0)
            close(st->fd);
        free(st);
        return refuse(error, DM_ERR_UNAVAILABLE, "attachment file cannot be opened");
    }
    st->size = (int64_t)info.st_size;
    atomic_fetch_add(&g_open_streams, 1);
    *stream = st;
    return DM_OK;
}

static int64_t attachment_size(const dm_host* host, dm_attachment_stream* stream) {
    (void)host;
    return stream == NULL ? -1 : stream->size;
}

static int64_t read_attachment(const dm_host* host, dm_attachment_stream* stream, uint64_t offset,
                               void* buffer, uint64_t capacity) {
    ssize_t n;
    (void)host;
    if (stream == NULL || buffer == NULL)
        return -1;
    do {
        n = pread(stream->fd, buffer, (size_t)capacity, (off_t)offset);
    } while (n < 0 && errno == EINTR);
    return (int64_t)n;
}

static int attachment_fd(const dm_host* host, dm_attachment_stream* stream) {
    (void)host;
    return stream == NULL ? -1 : stream->fd;
}

static void close_attachment(const dm_host* host, dm_attachment_stream* stream) {
    (void)host;
    if (stream == NULL) {
        complain("close_attachment called with NULL");
        return;
    }
    close(stream->fd);
    free(stream);
    atomic_fetch_sub(&g_open_streams, 1);
}

static dm_status user(const dm_host* host, const dm_context* ctx, dm_str user_id,
                      const dm_sink* result, const dm_sink* error) {
    dm_status s = admit(ctx, error);
    (void)host;
    if (s != DM_OK)
        return s;
    if (is(user_id, FAKE_USER)) {
        sink_write_cstr(result,
                        "{\"id\":\"user-1\",\"display_name\":\"Anna Beispiel\",\"email\":"
                        "\"anna@example.org\",\"active\":true,\"roles\":[\"caseworker\","
                        "\"organisation_admin\"]}");
    } else if (is(user_id, FAKE_OTHER_USER)) {
        sink_write_cstr(result,
                        "{\"id\":\"user-2\",\"display_name\":\"Ben Test\",\"email\":"
                        "\"ben@example.org\",\"active\":true,\"roles\":[\"caseworker\"]}");
    } else {
        return refuse(error, DM_ERR_NOT_FOUND, "no such user");
    }
    return DM_OK;
}

static dm_status active_user_count(const dm_host* host, const dm_context* ctx, int64_t* count,
                                   const dm_sink* error) {
    dm_status s = admit(ctx, error);
    (void)host;
    if (s != DM_OK)
        return s;
    if (count == NULL) {
        complain("active_user_count called without an out pointer");
        return refuse(error, DM_ERR_INVALID_ARGUMENT, "count out pointer is NULL");
    }
    *count = 2;
    return DM_OK;
}

static dm_status may_access(const dm_host* host, const dm_context* ctx, dm_str case_id,
                            const dm_sink* error) {
    int i = 0;
    (void)host;
    return find_case(ctx, case_id, error, &i);
}

static void log_line(const dm_host* host, dm_log_level level, dm_str message) {
    static const char* const names[] = {"debug", "info", "warning", "error"};
    (void)host;
    if ((int)level < DM_LOG_DEBUG || (int)level > DM_LOG_ERROR) {
        complain("log level out of range");
        return;
    }
    fprintf(stderr, "[plugin %s] %.*s\n", names[level], (int)message.len,
            message.data == NULL ? "" : message.data);
}

static const dm_host_cases g_cases = {
    .struct_size = sizeof(dm_host_cases),
    .case_details = case_details,
    .journal_entries = journal_entries,
    .attachments = attachments,
    .case_types = case_types,
    .open_attachment = open_attachment,
    .attachment_size = attachment_size,
    .read_attachment = read_attachment,
    .attachment_fd = attachment_fd,
    .close_attachment = close_attachment,
#if DM_ABI_VERSION_MINOR >= 1
    .read_case = read_case,
    .add_journal_entry = add_journal_entry,
#endif
};
static const dm_host_directory g_directory = {sizeof(dm_host_directory), user, active_user_count,
                                              may_access};
static const dm_host_log g_log = {sizeof(dm_host_log), log_line};

static const void* get_extension(const dm_host* host, const char* extension_id) {
    (void)host;
    if (extension_id == NULL)
        return NULL;
    if (strcmp(extension_id, DM_EXT_CASES) == 0)
        return &g_cases;
    if (strcmp(extension_id, DM_EXT_DIRECTORY) == 0)
        return &g_directory;
    if (strcmp(extension_id, DM_EXT_LOG) == 0)
        return &g_log;
    return NULL;
}

#if DM_ABI_VERSION_MINOR >= 1
#define HOST_VERSION "1.1.0"
#else
#define HOST_VERSION "1.0.0"
#endif
static const dm_host g_host = {DM_ABI_VERSION_INIT, sizeof(dm_host), NULL,         "Plain C Host",
                               "Example AG",        HOST_VERSION,    get_extension};

int fake_host_start(const char* scratch_directory) {
    FILE* f;
    snprintf(g_attachment_path, sizeof g_attachment_path, "%s/attachment-1.txt", scratch_directory);
    f = fopen(g_attachment_path, "wb");
    if (f == NULL || fputs(ATTACHMENT_CONTENT, f) < 0 || fclose(f) != 0) {
        fprintf(stderr, "c_host: cannot write %s: %s\n", g_attachment_path, strerror(errno));
        return -1;
    }
    return 0;
}

const dm_host* fake_host(void) {
    return &g_host;
}

long fake_host_open_streams(void) {
    return atomic_load(&g_open_streams);
}

long fake_host_violations(void) {
    return atomic_load(&g_violations);
}

long fake_host_read_case_calls(void) {
    return atomic_load(&g_read_case_calls);
}

long fake_host_journal_entries_added(void) {
    return atomic_load(&g_journal_entries_added);
}

void fake_host_stop(void) {
    unlink(g_attachment_path);
}
