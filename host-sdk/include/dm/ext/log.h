/* Host service "dm.log/1": the plugin writes into the host's log. */
#ifndef DM_EXT_LOG_H
#define DM_EXT_LOG_H

#include <stddef.h>
#include <stdint.h>

#include "../threading.h"
#include "../types.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DM_EXT_LOG "dm.log/1"

struct dm_host;

/* Log levels: a fixed-width integer with named constants, for the reasons given at dm_status
 * (types.h). A host writes a level it does not know as DM_LOG_INFO. */
typedef int32_t dm_log_level; /* since 1.1 */ /* 1.0: the enum, same size */

enum dm_log_level_code {
    DM_LOG_DEBUG = 0,
    DM_LOG_INFO = 1,
    DM_LOG_WARNING = 2,
    DM_LOG_ERROR = 3,
};

typedef struct dm_host_log {
    uint32_t struct_size;

    /* Writes one line. `message` never contains secrets (tokens, passwords, codes): the plugin is
     * responsible for that. The host adds time, level and the plugin's id.
     * [any-thread] */
    void (*log)(const struct dm_host* host, dm_log_level level, dm_str message);
} dm_host_log;

/* since 1.1 */
/* The size of the table in ABI 1.0, the smallest a plugin accepts (version.h). */
#define DM_HOST_LOG_V1_0_SIZE (offsetof(dm_host_log, log) + sizeof(((dm_host_log*)0)->log))

#ifdef __cplusplus
}
#endif

#endif /* DM_EXT_LOG_H */
