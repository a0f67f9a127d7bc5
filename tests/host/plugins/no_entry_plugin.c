/* A valid shared library that exports something, but not dm_plugin_entry. */
__attribute__((visibility("default"))) int some_other_symbol(void);
int some_other_symbol(void) {
    return 42;
}
