/* What the host gives a plugin: identity and a lookup for host services (extensions). */
#ifndef DM_HOST_H
#define DM_HOST_H

#include "threading.h"
#include "types.h"
#include "version.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dm_host {
    dm_version abi_version; /* the ABI the host was built against */
    uint32_t struct_size;   /* sizeof(dm_host) as the host knows it */

    void* host_data; /* reserved for the host; the plugin must not touch it */

    /* NUL-terminated, owned by the host, valid until the plugin's `deinit` returns. */
    const char* name;    /* "Sample Dossier Manager" */
    const char* vendor;  /* "Example AG" */
    const char* version; /* "1.4.2" */

    /* Returns the host service with the given id ("dm.cases/1"), or NULL when the host does not
     * offer it. The returned struct is owned by the host, must not be freed, and stays valid until
     * the plugin's `deinit` returns.
     * [any-thread] */
    const void* (*get_extension)(const struct dm_host* host, const char* extension_id);
} dm_host;

#ifdef __cplusplus
}
#endif

#endif /* DM_HOST_H */
