/* Plain data that crosses the boundary: strings, sinks, status codes, the call context.
 *
 * Rules that hold for every function of the ABI:
 *  - Strings are UTF-8 with an explicit length (`dm_str`); they are not NUL-terminated unless a
 *    comment says so. A `dm_str` passed into a call is borrowed for the duration of that call only.
 *  - Results are written into a caller-supplied `dm_sink`. The callee calls `write` zero or more
 *    times; the caller concatenates the pieces. Memory is therefore always released by the side
 *    that allocated it.
 *  - Every function returns a `dm_status`. On anything but DM_OK, the callee writes one
 *    human-readable UTF-8 sentence into the `error` sink (when it is not NULL) and the content of
 *    the `result` sink must be ignored by the caller.
 *  - No exception, longjmp or signal crosses the boundary. */
#ifndef DM_TYPES_H
#define DM_TYPES_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes.
 *
 * `dm_status` is a fixed-width integer, and the codes are named constants of an enum that is never
 * used as a type: an enum's size is up to the compiler, and a C++ enum may not hold a value it does
 * not name, yet a newer peer may return a code this header does not know. ABI 1.0 declared
 * `dm_status` as the enum itself; on every supported platform that enum was 4 bytes and passed like
 * an int32_t, so 1.0 binaries and 1.1 binaries agree.
 *
 * Codes are only appended, in a new minor version. A reader treats a code it does not know as a
 * failure like DM_ERR_INTERNAL (dm_status_known()), never as success. */
typedef int32_t dm_status; /* since 1.1 */ /* 1.0: the enum, same size */

enum dm_status_code {
    DM_OK = 0,
    DM_ERR_INVALID_ARGUMENT = 1, /* the caller passed something malformed (JSON, id, size) */
    DM_ERR_NOT_FOUND = 2,        /* the object does not exist or is not visible in this context */
    DM_ERR_DENIED = 3,           /* the acting user may not do this */
    DM_ERR_UNSUPPORTED = 4,      /* the id (action, panel, column, extension) is unknown */
    DM_ERR_UNAVAILABLE = 5,      /* a dependency (database, mail server) is down; retry later */
    DM_ERR_INTERNAL = 6,         /* a bug or an unexpected failure; the message says which */
    DM_ERR_CONFLICT = 7          /* the object changed concurrently, or the request repeats one */
};

/* since 1.1 */
/* The highest code this header knows. */
#define DM_STATUS_LAST_KNOWN DM_ERR_CONFLICT

/* since 1.1 */
/* `status` when this header knows it, else DM_ERR_INTERNAL. How a reader handles a code
 * a newer peer added: still a failure, with the peer's message. */
static inline dm_status dm_status_known(dm_status status) {
    return (status >= DM_OK && status <= DM_STATUS_LAST_KNOWN) ? status
                                                               : (dm_status)DM_ERR_INTERNAL;
}

/* A borrowed UTF-8 string with explicit length. `data` may be NULL only when `len` is 0. */
typedef struct dm_str {
    const char* data;
    size_t len;
} dm_str;

/* A caller-supplied output. `write` appends `len` bytes to whatever `ctx` collects.
 * [same-thread]: the callee calls it only on the thread of the call that received the sink, and
 * only before that call returns. The bytes are borrowed for the duration of `write`. */
typedef struct dm_sink {
    void* ctx;
    void (*write)(void* ctx, const char* data, size_t len);
} dm_sink;

/* Who is acting, for whom, in which language. Passed with every call. A versioned struct: see
 * version.h for how a reader treats a `struct_size` other than its own.
 *
 * `user_id` empty means the call is made by the plugin itself on behalf of the organisation (for
 * example the external portal reading a shared attachment). The host must still confine such a call
 * to `organisation_id`. `locale` is a BCP 47 tag such as "de-CH" or "en".
 *
 * `organisation_id` is never empty: a callee answers DM_ERR_INVALID_ARGUMENT (with a message) to a
 * NULL context, one smaller than DM_CONTEXT_V1_0_SIZE, or one without an organisation, and does
 * nothing else. */
typedef struct dm_context {
    uint32_t struct_size; /* sizeof(dm_context) as the caller knows it */
    dm_str organisation_id;
    dm_str user_id;
    dm_str locale;
} dm_context;

/* since 1.1 */
/* The size of dm_context in ABI 1.0, the smallest a reader accepts. */
#define DM_CONTEXT_V1_0_SIZE (offsetof(dm_context, locale) + sizeof(dm_str))

#ifdef __cplusplus
}
#endif

#endif /* DM_TYPES_H */
