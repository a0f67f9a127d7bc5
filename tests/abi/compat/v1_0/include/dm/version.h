/* Dossier Manager plugin ABI: version numbers and the compatibility rule.
 *
 * A host and a plugin are compatible when their major versions are equal. Minor versions only add:
 * new extensions, new fields at the end of structs (which the other side detects through
 * `struct_size`), new enum values. Patch versions change nothing observable at the ABI. */
#ifndef DM_VERSION_H
#define DM_VERSION_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DM_ABI_VERSION_MAJOR 1
#define DM_ABI_VERSION_MINOR 0
#define DM_ABI_VERSION_PATCH 0

typedef struct dm_version {
    uint32_t major;
    uint32_t minor;
    uint32_t patch;
} dm_version;

#define DM_ABI_VERSION_INIT {DM_ABI_VERSION_MAJOR, DM_ABI_VERSION_MINOR, DM_ABI_VERSION_PATCH}

/* True when code built against `v` can be used by code built against this header. */
static inline int dm_version_is_compatible(dm_version v) {
    return v.major == DM_ABI_VERSION_MAJOR;
}

#ifdef __cplusplus
}
#endif

#endif /* DM_VERSION_H */
