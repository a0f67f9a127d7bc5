// Compiles a plugin entry against the installed C++ wrapper.
#include <dm/cpp/dm.hpp>

namespace {

dm_status init(const dm_init_args*, const dm_sink* error) {
    return dm::translate_exceptions(error, [] {});
}
void deinit() {}
const void* get_extension(const char*) {
    return nullptr;
}

}  // namespace

extern "C" DM_EXPORT const dm_plugin_entry dm_plugin_entry = {DM_ABI_VERSION_INIT,
                                                              sizeof(struct dm_plugin_entry),
                                                              "org.example.consumer",
                                                              "Consumer",
                                                              "Example AG",
                                                              "1.0.0",
                                                              init,
                                                              deinit,
                                                              get_extension};
