/* Plugin extension "dm.events/1": the host tells the plugin what changed on its side. */
#ifndef DM_EXT_EVENTS_H
#define DM_EXT_EVENTS_H

#include <stddef.h>
#include <stdint.h>

#include "../threading.h"
#include "../types.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DM_EXT_EVENTS "dm.events/1"

/* Event kinds: a fixed-width integer with named constants, for the reasons given at dm_status
 * (types.h). New kinds are appended in later minor versions; a plugin ignores a kind it does not
 * know and answers DM_ERR_UNSUPPORTED, which the host treats as "nothing to do". */
typedef int32_t dm_event_kind; /* since 1.1 */ /* 1.0: the enum, same size */

enum dm_event_kind_code {
    DM_EVENT_CASE_CLOSED = 1,                 /* case_id */
    DM_EVENT_CASE_DELETED = 2,                /* case_id */
    DM_EVENT_ATTACHMENT_DELETED = 3,          /* case_id, attachment_id */
    DM_EVENT_USER_REMOVED = 4,                /* user_id */
    DM_EVENT_ORGANISATION_LICENCE_CHANGED = 5 /* ctx->organisation_id */
};

/* A change on the host's side. A versioned struct (version.h): the plugin copies it with
 * dm_struct_read() and DM_EVENT_V1_0_SIZE. */
typedef struct dm_event {
    uint32_t struct_size;
    dm_event_kind kind;
    dm_str case_id;       /* empty when not applicable */
    dm_str attachment_id; /* empty when not applicable */
    dm_str user_id;       /* the user the event is about (not the acting user); empty when n/a */
} dm_event;

/* since 1.1 */
/* The size of dm_event in ABI 1.0, the smallest a plugin accepts. */
#define DM_EVENT_V1_0_SIZE (offsetof(dm_event, user_id) + sizeof(dm_str))

typedef struct dm_plugin_events {
    uint32_t struct_size;

    /* Called after the host committed the change. The plugin reacts before it returns (for example
     * revokes the shares of a closed case), so that nothing of the change is served afterwards.
     * [any-thread] */
    dm_status (*on_event)(const dm_context* ctx, const dm_event* event, const dm_sink* error);
} dm_plugin_events;

/* since 1.1 */
/* The size of the table in ABI 1.0, the smallest a host accepts (version.h). */
#define DM_PLUGIN_EVENTS_V1_0_SIZE \
    (offsetof(dm_plugin_events, on_event) + sizeof(((dm_plugin_events*)0)->on_event))

#ifdef __cplusplus
}
#endif

#endif /* DM_EXT_EVENTS_H */
