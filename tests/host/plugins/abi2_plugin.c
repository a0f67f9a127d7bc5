/* A plugin built for a future ABI 2: the host must refuse it before calling anything. */
#include <stddef.h>

#include <dm/entry.h>

static dm_status init(const dm_init_args* args, const dm_sink* error) {
    (void)args;
    (void)error;
    return DM_OK;
}
static void deinit(void) {}
static const void* get_extension(const char* id) {
    (void)id;
    return NULL;
}

DM_EXPORT const struct dm_plugin_entry dm_plugin_entry = {{2, 0, 0},
                                                          sizeof(struct dm_plugin_entry),
                                                          "ch.example.host-test-abi2",
                                                          "ABI 2 Module",
                                                          "Example AG",
                                                          "2.0.0",
                                                          init,
                                                          deinit,
                                                          get_extension};
