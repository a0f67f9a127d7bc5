/* Plugin extension "dm.events/1": the host tells the plugin what changed on its side. */
#ifndef DM_EXT_EVENTS_H
#define DM_EXT_EVENTS_H

#include <stdint.h>

#include "../threading.h"
#include "../types.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DM_EXT_EVENTS "dm.events/1"

/* New kinds are appended; a plugin answers DM_ERR_UNSUPPORTED for a kind it does not know, which
 * the host treats as "nothing to do". */
typedef enum dm_event_kind {
    DM_EVENT_CASE_CLOSED = 1,             /* case_id */
    DM_EVENT_CASE_DELETED = 2,            /* case_id */
    DM_EVENT_ATTACHMENT_DELETED = 3,      /* case_id, attachment_id */
    DM_EVENT_USER_REMOVED = 4,            /* user_id */
    DM_EVENT_ORGANISATION_LICENCE_CHANGED = 5 /* ctx->organisation_id */
} dm_event_kind;

typedef struct dm_event {
    uint32_t struct_size;
    dm_event_kind kind;
    dm_str case_id;       /* empty when not applicable */
    dm_str attachment_id; /* empty when not applicable */
    dm_str user_id;       /* the user the event is about (not the acting user); empty when n/a */
} dm_event;

typedef struct dm_plugin_events {
    uint32_t struct_size;

    /* Called after the host committed the change. The plugin reacts before it returns (for example
     * revokes the shares of a closed case), so that nothing of the change is served afterwards.
     * [any-thread] */
    dm_status (*on_event)(const dm_context* ctx, const dm_event* event, const dm_sink* error);
} dm_plugin_events;

#ifdef __cplusplus
}
#endif

#endif /* DM_EXT_EVENTS_H */
