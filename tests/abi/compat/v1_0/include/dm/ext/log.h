/* Host service "dm.log/1": the plugin writes into the host's log. */
#ifndef DM_EXT_LOG_H
#define DM_EXT_LOG_H

#include <stdint.h>

#include "../threading.h"
#include "../types.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DM_EXT_LOG "dm.log/1"

struct dm_host;

typedef enum dm_log_level {
    DM_LOG_DEBUG = 0,
    DM_LOG_INFO = 1,
    DM_LOG_WARNING = 2,
    DM_LOG_ERROR = 3
} dm_log_level;

typedef struct dm_host_log {
    uint32_t struct_size;

    /* Writes one line. `message` never contains secrets (tokens, passwords, codes): the plugin is
     * responsible for that. The host adds time, level and the plugin's id.
     * [any-thread] */
    void (*log)(const struct dm_host* host, dm_log_level level, dm_str message);
} dm_host_log;

#ifdef __cplusplus
}
#endif

#endif /* DM_EXT_LOG_H */
