/* Dossier Manager plugin ABI: version numbers and the compatibility rule.
 *
 * A host and a plugin are compatible when their major versions are equal, whatever their minor
 * versions: a plugin built against 1.1 runs in a 1.0 host, and a 1.0 plugin in a 1.1 host. Minor
 * versions only add: new extensions, new functions and fields at the end of structs, new status
 * codes and event kinds. Patch versions change nothing observable at the ABI.
 *
 * The rule that makes this true, on both sides (host reading plugin structs, plugin reading host
 * structs):
 *
 *  - Every versioned struct starts with `struct_size` (after `abi_version` in dm_plugin_entry and
 *    dm_host), set by its writer to sizeof(struct) as the writer was built. Fields are never
 *    reordered, removed or retyped; new ones are appended and marked "since 1.x" in the header.
 *  - Each struct has a documented size per minor version: DM_<STRUCT>_V1_0_SIZE, and
 *    DM_<STRUCT>_V1_1_SIZE for the structs 1.1 extended. A reader refuses a struct smaller than the
 *    1.0 size (it was not built against ABI 1 at all), and accepts every larger one.
 *  - The reader copies what the other side has into a zero-filled struct of its own:
 *    min(struct_size, sizeof) bytes (dm_struct_read()). Fields the other side lacks are then zero
 *    or NULL and mean "not offered"; fields of a newer writer are ignored. Never compare
 *    `struct_size` with today's sizeof: that refuses every older peer.
 *  - Values of integer "enumerations" (dm_status, dm_event_kind, dm_log_level) may be unknown to an
 *    older reader: an unknown status is a failure like DM_ERR_INTERNAL, an unknown event kind is
 *    answered DM_ERR_UNSUPPORTED and otherwise ignored.
 *
 * Structs that are not versioned never change within ABI 1: dm_version, dm_str, dm_sink. */
#ifndef DM_VERSION_H
#define DM_VERSION_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DM_ABI_VERSION_MAJOR 1
#define DM_ABI_VERSION_MINOR 1
#define DM_ABI_VERSION_PATCH 0

typedef struct dm_version {
    uint32_t major;
    uint32_t minor;
    uint32_t patch;
} dm_version;

#define DM_ABI_VERSION_INIT \
    { DM_ABI_VERSION_MAJOR, DM_ABI_VERSION_MINOR, DM_ABI_VERSION_PATCH }

/* True when code built against `v` can be used by code built against this header: the same major
 * version. The minor version does not matter here; what a peer offers is read from its structs. */
static inline int dm_version_is_compatible(dm_version v) {
    return v.major == DM_ABI_VERSION_MAJOR;
}

/* since 1.1 */
/* True when `v` is a later minor version than this header's, so the peer may offer
 * things this side cannot use. Worth a log line; never a reason to refuse. */
static inline int dm_version_is_newer(dm_version v) {
    return v.major == DM_ABI_VERSION_MAJOR && v.minor > DM_ABI_VERSION_MINOR;
}

/* since 1.1 */
/* Reads a versioned struct the other side wrote.
 *
 * `theirs` points at the other side's struct, whose `struct_size` is `their_size`; `own` is the
 * reader's struct of `own_size` bytes (its sizeof). Returns 0, and leaves `own` zero-filled, when
 * `theirs` is NULL or `their_size` is below `v1_0_size` (the DM_..._V1_0_SIZE of that struct).
 * Otherwise zero-fills `own`, copies min(their_size, own_size) bytes and returns 1: fields the
 * other side lacks are then zero ("not offered"), fields a newer side added are left out.
 *
 *     dm_host_cases cases;
 *     const dm_host_cases* theirs = host->get_extension(host, DM_EXT_CASES);
 *     if (theirs == NULL || !dm_struct_read(&cases, sizeof cases, theirs, theirs->struct_size,
 *                                           DM_HOST_CASES_V1_0_SIZE))
 *         ... the host does not offer dm.cases/1 ...
 *     if (cases.read_case != NULL) ... the host offers the 1.1 batched read ...
 *
 * Reads nothing but `their_size` bytes of `theirs`. */
static inline int dm_struct_read(void* own, size_t own_size, const void* theirs, size_t their_size,
                                 size_t v1_0_size) {
    memset(own, 0, own_size);
    if (theirs == NULL || their_size < v1_0_size) {
        return 0;
    }
    memcpy(own, theirs, their_size < own_size ? their_size : own_size);
    return 1;
}

#ifdef __cplusplus
}
#endif

#endif /* DM_VERSION_H */
