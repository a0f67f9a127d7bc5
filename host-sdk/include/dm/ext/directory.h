/* Host service "dm.directory/1": users, seat counts and access rights. */
#ifndef DM_EXT_DIRECTORY_H
#define DM_EXT_DIRECTORY_H

#include <stddef.h>
#include <stdint.h>

#include "../threading.h"
#include "../types.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DM_EXT_DIRECTORY "dm.directory/1"

struct dm_host;

typedef struct dm_host_directory {
    uint32_t struct_size;

    /* A user of `ctx->organisation_id`: {"id","display_name","email","active":bool,
     * "roles":["caseworker"|"organisation_admin"], "organisation_name" (optional: the
     * organisation's display name, shown to external recipients)}. A user removed from the host
     * answers DM_ERR_NOT_FOUND.
     * [any-thread] */
    dm_status (*user)(const struct dm_host* host, const dm_context* ctx, dm_str user_id,
                      const dm_sink* result, const dm_sink* error);

    /* Number of active users of `ctx->organisation_id`, for licence seats.
     * [any-thread] */
    dm_status (*active_user_count)(const struct dm_host* host, const dm_context* ctx,
                                   int64_t* count, const dm_sink* error);

    /* DM_OK when `ctx->user_id` may access the case, DM_ERR_DENIED when not, DM_ERR_NOT_FOUND when
     * the case does not exist in `ctx->organisation_id`. The plugin never trusts a case id alone.
     * [any-thread] */
    dm_status (*may_access)(const struct dm_host* host, const dm_context* ctx, dm_str case_id,
                            const dm_sink* error);
} dm_host_directory;

/* since 1.1 */
/* The size of the table in ABI 1.0, the smallest a plugin accepts (version.h). */
#define DM_HOST_DIRECTORY_V1_0_SIZE \
    (offsetof(dm_host_directory, may_access) + sizeof(((dm_host_directory*)0)->may_access))

#ifdef __cplusplus
}
#endif

#endif /* DM_EXT_DIRECTORY_H */
