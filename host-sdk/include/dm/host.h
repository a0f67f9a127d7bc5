/* What the host gives a plugin: identity and a lookup for host services (extensions). */
#ifndef DM_HOST_H
#define DM_HOST_H

#include <stddef.h>

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
     * the plugin's `deinit` returns. Its `struct_size` says which minor version of the service the
     * host offers (DM_HOST_CASES_V1_1_SIZE, ...); read it with dm_struct_read().
     * [any-thread] */
    const void* (*get_extension)(const struct dm_host* host, const char* extension_id);
} dm_host;

/* since 1.1 */
/* The size of dm_host in ABI 1.0, the smallest a plugin accepts. A plugin reads the
 * host's fields in place (it must pass the host's own pointer back as `host`), so it checks
 * `struct_size` against this before it reads `get_extension`. */
#define DM_HOST_V1_0_SIZE (offsetof(dm_host, get_extension) + sizeof(((dm_host*)0)->get_extension))

#ifdef __cplusplus
}
#endif

#endif /* DM_HOST_H */
