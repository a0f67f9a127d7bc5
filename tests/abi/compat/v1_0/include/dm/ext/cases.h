/* Host service "dm.cases/1": read access to cases, journal entries and attachments.
 *
 * Every function confines itself to `ctx->organisation_id`; an id of another organisation answers
 * DM_ERR_NOT_FOUND exactly like an id that does not exist. When `ctx->user_id` is not empty, the
 * host also applies that user's access rights (DM_ERR_NOT_FOUND or DM_ERR_DENIED).
 *
 * Rich data crosses as UTF-8 JSON written into the `result` sink; the schemas are in
 * docs/integrator-guide.md ("Case data"). Timestamps are RFC 3339 in UTC ("2026-11-23T13:27:16Z"). */
#ifndef DM_EXT_CASES_H
#define DM_EXT_CASES_H

#include <stdint.h>

#include "../threading.h"
#include "../types.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DM_EXT_CASES "dm.cases/1"

struct dm_host;

/* An open attachment. Owned by the host; the plugin releases it with `close_attachment`. */
typedef struct dm_attachment_stream dm_attachment_stream;

typedef struct dm_host_cases {
    uint32_t struct_size;

    /* The case: {"id","number","title","status":"open"|"closed","case_type":{"id","name"},
     * "owner_user_id","fields":[{"id","label","value"}], "correspondent":{"name","email","phone"}}.
     * `fields` carries the detail fields in display order; labels are in `ctx->locale`.
     * [any-thread] */
    dm_status (*case_details)(const struct dm_host* host, const dm_context* ctx, dm_str case_id,
                              const dm_sink* result, const dm_sink* error);

    /* Journal entries, oldest first: [{"id","date","author","text","internal":bool}].
     * [any-thread] */
    dm_status (*journal_entries)(const struct dm_host* host, const dm_context* ctx, dm_str case_id,
                                 const dm_sink* result, const dm_sink* error);

    /* Attachments: [{"id","name","size","media_type","modified","sha256"}], size in bytes,
     * sha256 as 64 lowercase hex digits.
     * [any-thread] */
    dm_status (*attachments)(const struct dm_host* host, const dm_context* ctx, dm_str case_id,
                             const dm_sink* result, const dm_sink* error);

    /* Case types of the organisation: [{"id","name"}], names in `ctx->locale`.
     * [any-thread] */
    dm_status (*case_types)(const struct dm_host* host, const dm_context* ctx,
                            const dm_sink* result, const dm_sink* error);

    /* Opens an attachment of a case for reading. On DM_OK `*stream` is set and must be closed with
     * `close_attachment`, on any thread, exactly once.
     * [any-thread]: the portal opens many attachments concurrently. */
    dm_status (*open_attachment)(const struct dm_host* host, const dm_context* ctx, dm_str case_id,
                                 dm_str attachment_id, dm_attachment_stream** stream,
                                 const dm_sink* error);

    /* Size of the attachment in bytes, fixed while the stream is open.
     * [same-thread] */
    int64_t (*attachment_size)(const struct dm_host* host, dm_attachment_stream* stream);

    /* Reads up to `capacity` bytes at `offset` into `buffer`. Returns the number of bytes read,
     * 0 at the end, -1 on error. May return fewer bytes than asked: loop until done.
     * [same-thread] */
    int64_t (*read_attachment)(const struct dm_host* host, dm_attachment_stream* stream,
                               uint64_t offset, void* buffer, uint64_t capacity);

    /* A file descriptor opened for reading on the attachment's content, or -1 when the host does
     * not store the attachment as a plain file. The descriptor is owned by the stream: the plugin may
     * pread() and sendfile() from it but must not close it. Lets the portal send with zero copies.
     * [same-thread] */
    int (*attachment_fd)(const struct dm_host* host, dm_attachment_stream* stream);

    /* Releases the stream and its descriptor.
     * [any-thread] */
    void (*close_attachment)(const struct dm_host* host, dm_attachment_stream* stream);
} dm_host_cases;

#ifdef __cplusplus
}
#endif

#endif /* DM_EXT_CASES_H */
