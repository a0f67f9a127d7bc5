/* Host service "dm.cases/1": read access to cases, journal entries and attachments, and (since ABI
 * 1.1) one batched read of a case and adding a journal entry.
 *
 * Every function confines itself to `ctx->organisation_id`; an id of another organisation answers
 * DM_ERR_NOT_FOUND exactly like an id that does not exist. When `ctx->user_id` is not empty, the
 * host also applies that user's access rights (DM_ERR_NOT_FOUND or DM_ERR_DENIED).
 *
 * Rich data crosses as UTF-8 JSON written into the `result` sink; the schemas are in
 * docs/integrator-guide.md (section 6). Timestamps are RFC 3339 in UTC ("2026-11-23T13:27:16Z").
 *
 * Minor versions of this service are told apart by `struct_size` (version.h): a 1.0 host's table
 * ends after `close_attachment` (DM_HOST_CASES_V1_0_SIZE), a 1.1 host's after `add_journal_entry`
 * (DM_HOST_CASES_V1_1_SIZE). A plugin copies the table with dm_struct_read(); a 1.1 function that
 * is NULL there is not offered, and the plugin uses the 1.0 functions instead. */
#ifndef DM_EXT_CASES_H
#define DM_EXT_CASES_H

#include <stddef.h>
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

/* since 1.1 */
/* The parts `read_case` may return, or-ed together into its `parts` argument. */
#define DM_CASE_PART_DETAILS ((uint32_t)1u << 0)     /* "details": the object of case_details */
#define DM_CASE_PART_JOURNAL ((uint32_t)1u << 1)     /* "journal": the array of journal_entries */
#define DM_CASE_PART_ATTACHMENTS ((uint32_t)1u << 2) /* "attachments": the array of attachments */
#define DM_CASE_PARTS_V1_1 (DM_CASE_PART_DETAILS | DM_CASE_PART_JOURNAL | DM_CASE_PART_ATTACHMENTS)

/* since 1.1 */
/* Flags of `add_journal_entry`. */
#define DM_JOURNAL_INTERNAL ((uint32_t)1u << 0) /* only for the organisation's own staff */

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
     * not store the attachment as a plain file. The descriptor is owned by the stream: the plugin
     * may pread() and sendfile() from it but must not close it. Lets the portal send with zero
     * copies.
     * [same-thread] */
    int (*attachment_fd)(const struct dm_host* host, dm_attachment_stream* stream);

    /* Releases the stream and its descriptor.
     * [any-thread] */
    void (*close_attachment)(const struct dm_host* host, dm_attachment_stream* stream);

    /* Added in 1.1; a 1.0 host's table ends before them (DM_HOST_CASES_V1_0_SIZE). */
    /* since 1.1 */
    /* The parts of a case named in `parts` (DM_CASE_PART_*), in one call and one answer:
     *   {"details": <case_details>, "journal": <journal_entries>, "attachments": <attachments>}
     * with exactly the members asked for, each in the schema of the 1.0 function it replaces. The
     * host reads them together, so they describe the same moment of the case, and checks the case
     * and the user's rights once: errors are those of case_details. `parts` 0 is refused with
     * DM_ERR_INVALID_ARGUMENT. A bit this host does not know (a newer plugin's) is ignored and its
     * member left out, so the caller sees what was not offered.
     * NULL when not offered: then call case_details, journal_entries and attachments.
     * [any-thread] */
    dm_status (*read_case)(const struct dm_host* host, const dm_context* ctx, dm_str case_id,
                           uint32_t parts, const dm_sink* result, const dm_sink* error);

    /* since 1.1 */
    /* Adds an entry to the case's journal, dated now, so that what a plugin did on the
     * case's behalf (a disclosure to an external person, for example) is recorded in the case's own
     * file. `text` is UTF-8, not empty; a host may refuse a text it cannot store (too long) with
     * DM_ERR_INVALID_ARGUMENT. `flags`: DM_JOURNAL_INTERNAL or 0; a bit this host does not know is
     * refused with DM_ERR_INVALID_ARGUMENT, so no caller believes a flag took effect when it did
     * not. The author is `ctx->user_id`, or the plugin itself when that is empty (the host knows
     * which plugin calls from its dm_host). The case and the user's rights are checked as for
     * case_details. On DM_OK writes the new entry in the schema of journal_entries' elements:
     * {"id","date","author","text","internal"}. Not idempotent: a retry after an unknown outcome
     * may add the entry twice.
     * NULL when not offered.
     * [any-thread] */
    dm_status (*add_journal_entry)(const struct dm_host* host, const dm_context* ctx,
                                   dm_str case_id, dm_str text, uint32_t flags,
                                   const dm_sink* result, const dm_sink* error);
} dm_host_cases;

/* Sizes of the table per minor version (version.h): a plugin refuses a table smaller than the 1.0
 * size, and a host of version 1.x sets `struct_size` to at least the 1.x size. */
/* since 1.1 */
#define DM_HOST_CASES_V1_0_SIZE \
    (offsetof(dm_host_cases, close_attachment) + sizeof(((dm_host_cases*)0)->close_attachment))
/* since 1.1 */
#define DM_HOST_CASES_V1_1_SIZE \
    (offsetof(dm_host_cases, add_journal_entry) + sizeof(((dm_host_cases*)0)->add_journal_entry))

#ifdef __cplusplus
}
#endif

#endif /* DM_EXT_CASES_H */
