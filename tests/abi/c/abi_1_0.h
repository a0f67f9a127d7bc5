/* The one source of the plain C host and plugin serves every minor version: built against the
 * current headers it is the 1.1 host and plugin, built against the frozen 1.0 headers
 * (compat/v1_0/include) the 1.0 ones. What 1.1 adds to the ABI stands in the sources behind
 * `#if DM_ABI_VERSION_MINOR >= 1`; this header gives a 1.0 build the few helpers of 1.1's version.h
 * that the sources use everywhere, as a 1.0 reader behaved: it knew only its own sizeof, refused a
 * smaller struct and read its own fields of a larger one. Against 1.1 or later it adds nothing. */
#ifndef DM_TESTS_ABI_1_0_H
#define DM_TESTS_ABI_1_0_H

#include <dm/dm.h>
#include <string.h>

#if DM_ABI_VERSION_MINOR == 0 /* DM_PLUGIN_ENTRY_V1_0_SIZE is in 1.0 already */
#define DM_PLUGIN_UI_V1_0_SIZE sizeof(dm_plugin_ui)
#define DM_PLUGIN_EVENTS_V1_0_SIZE sizeof(dm_plugin_events)
#define DM_INIT_ARGS_V1_0_SIZE sizeof(dm_init_args)
#define DM_CONTEXT_V1_0_SIZE sizeof(dm_context)
#define DM_EVENT_V1_0_SIZE sizeof(dm_event)
#define DM_HOST_V1_0_SIZE sizeof(dm_host)
#define DM_HOST_CASES_V1_0_SIZE sizeof(dm_host_cases)
#define DM_HOST_LOG_V1_0_SIZE sizeof(dm_host_log)

/* 1.0 knew no later minor version to note. */
static inline int dm_version_is_newer(dm_version v) {
    (void)v;
    return 0;
}

/* A 1.0 reader's copy of the other side's struct: all of its own sizeof, or nothing. */
static inline int dm_struct_read(void* own, size_t own_size, const void* theirs, size_t their_size,
                                 size_t v1_0_size) {
    int usable = theirs != NULL && their_size >= own_size;
    (void)v1_0_size; /* the same as own_size in a 1.0 build */
    memset(own, 0, own_size);
    if (usable)
        memcpy(own, theirs, own_size);
    return usable;
}
#endif

#endif /* DM_TESTS_ABI_1_0_H */
