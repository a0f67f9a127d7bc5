/* The one symbol a plugin exports.
 *
 * A plugin library exports exactly one symbol, `dm_plugin_entry`, a const `struct dm_plugin_entry`.
 * Everything else is reached through its pointers.
 *
 * The struct has a tag but deliberately no typedef of the same name: in C a typedef and an object
 * share one name space, so a typedef `dm_plugin_entry` would make the symbol impossible to define.
 * Define it like this (in C++ the `extern "C"` must not be a braced block, or `const` gives the
 * object internal linkage):
 *
 *   C:    DM_EXPORT const struct dm_plugin_entry dm_plugin_entry = {DM_ABI_VERSION_INIT, ...};
 *   C++:  extern "C" DM_EXPORT const dm_plugin_entry dm_plugin_entry = {DM_ABI_VERSION_INIT, ...};
 *
 * Call order, all on the host's main thread:
 *   1. The host loads the library and reads `dm_plugin_entry`.
 *   2. It checks `abi_version` with dm_version_is_compatible() and `struct_size` >=
 *      DM_PLUGIN_ENTRY_V1_0_SIZE; otherwise it does not call anything and logs why. It copies the
 *      entry with dm_struct_read() and logs a note when the plugin is newer (version.h).
 *   3. `init` once. No UI, no blocking network I/O in `init`: the plugin reads its configuration,
 *      opens its storage and may start its own background threads (a portal server, a mail worker).
 *   4. `get_extension` any number of times, from any thread, until `deinit`.
 *   5. `deinit` once, when `init` returned DM_OK. The plugin stops every thread it started before
 *      it returns. After `deinit`, no pointer obtained from the plugin may be used.
 *
 * The host never unloads the library before the process exits: code the plugin left behind (a
 * thread-local destructor, an atexit handler of a dependency) must stay mapped. */
#ifndef DM_ENTRY_H
#define DM_ENTRY_H

#include <stddef.h>

#include "host.h"
#include "threading.h"
#include "types.h"
#include "version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Arguments of `init`. Append-only: a plugin reads a field only when `struct_size` covers it
 * (dm_struct_read() with DM_INIT_ARGS_V1_0_SIZE). */
typedef struct dm_init_args {
    uint32_t struct_size;
    const dm_host* host;   /* valid until `deinit` returns */
    dm_str config_path;    /* the plugin's configuration file, named in the host's; may be empty */
    dm_str data_directory; /* a writable folder reserved for this plugin; may be empty */
} dm_init_args;

/* since 1.1 */
/* The size of dm_init_args in ABI 1.0, the smallest a plugin accepts. */
#define DM_INIT_ARGS_V1_0_SIZE (offsetof(dm_init_args, data_directory) + sizeof(dm_str))

struct dm_plugin_entry {
    dm_version abi_version; /* DM_ABI_VERSION_INIT at build time of the plugin */
    uint32_t struct_size;   /* sizeof(dm_plugin_entry) at build time of the plugin */

    /* NUL-terminated static strings. `id` is reverse-DNS and stable across versions. */
    const char* id;      /* "ch.example.external-sharing" */
    const char* name;    /* "External Sharing" */
    const char* vendor;  /* "Example AG" */
    const char* version; /* "1.0.0" */

    /* Starts the plugin. On failure returns non-DM_OK, writes one sentence into `error`, and has
     * released whatever it acquired: the host will not call `deinit`.
     * [main-thread] */
    dm_status (*init)(const dm_init_args* args, const dm_sink* error);

    /* Stops the plugin; see the call order above. Never fails.
     * [main-thread] */
    void (*deinit)(void);

    /* Returns the plugin extension with the given id ("dm.ui/1"), or NULL when not provided.
     * The struct is owned by the plugin, must not be freed, and stays valid until `deinit`.
     * [any-thread] */
    const void* (*get_extension)(const char* extension_id);
};

/* Size of the entry in ABI 1.0, the first published layout; a host refuses an entry smaller than
 * this. */
#define DM_PLUGIN_ENTRY_V1_0_SIZE                      \
    (offsetof(struct dm_plugin_entry, get_extension) + \
     sizeof(((struct dm_plugin_entry*)0)->get_extension))

/* The exported symbol's name, for dlsym() and Boost.DLL. */
#define DM_PLUGIN_ENTRY_SYMBOL "dm_plugin_entry"

#if defined(_WIN32)
#define DM_EXPORT __declspec(dllexport)
#else
#define DM_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
}
#endif

#endif /* DM_ENTRY_H */
