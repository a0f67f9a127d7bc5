/* A plugin whose init fails with a message: the host logs it and goes on without the plugin. */
#include <stddef.h>
#include <string.h>

#include <dm/entry.h>

static dm_status init(const dm_init_args* args, const dm_sink* error) {
    static const char message[] = "cannot open its database";
    (void)args;
    if (error != NULL && error->write != NULL)
        error->write(error->ctx, message, strlen(message));
    return DM_ERR_UNAVAILABLE;
}
static void deinit(void) {}
static const void* get_extension(const char* id) {
    (void)id;
    return NULL;
}

DM_EXPORT const struct dm_plugin_entry dm_plugin_entry = {DM_ABI_VERSION_INIT,
                                                          sizeof(struct dm_plugin_entry),
                                                          "ch.example.host-test-init-fails",
                                                          "Failing Module",
                                                          "Example AG",
                                                          "1.0.0",
                                                          init,
                                                          deinit,
                                                          get_extension};
