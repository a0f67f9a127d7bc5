/* Every field of every struct of ABI 1.0, and every type whose size crosses the ABI. Expanded once
 * against the frozen 1.0 headers (layout_v1_0.c) and once against the current ones, in
 * layout_test.c, which compares the two. A field listed here may never move. */
#ifndef TESTS_ABI_COMPAT_LAYOUT_FIELDS_H
#define TESTS_ABI_COMPAT_LAYOUT_FIELDS_H

/* The tables keep one struct to a line; clang-format would run the X(...) together. */
/* clang-format off */
#define DM_LAYOUT_FIELDS(X)                                                                       \
    X(dm_version, major) X(dm_version, minor) X(dm_version, patch)                                \
    X(dm_str, data) X(dm_str, len)                                                                \
    X(dm_sink, ctx) X(dm_sink, write)                                                             \
    X(dm_context, struct_size) X(dm_context, organisation_id) X(dm_context, user_id)              \
    X(dm_context, locale)                                                                         \
    X(dm_host, abi_version) X(dm_host, struct_size) X(dm_host, host_data) X(dm_host, name)        \
    X(dm_host, vendor) X(dm_host, version) X(dm_host, get_extension)                              \
    X(dm_init_args, struct_size) X(dm_init_args, host) X(dm_init_args, config_path)               \
    X(dm_init_args, data_directory)                                                               \
    X(struct dm_plugin_entry, abi_version) X(struct dm_plugin_entry, struct_size)                 \
    X(struct dm_plugin_entry, id) X(struct dm_plugin_entry, name)                                 \
    X(struct dm_plugin_entry, vendor) X(struct dm_plugin_entry, version)                          \
    X(struct dm_plugin_entry, init) X(struct dm_plugin_entry, deinit)                             \
    X(struct dm_plugin_entry, get_extension)                                                      \
    X(dm_host_cases, struct_size) X(dm_host_cases, case_details)                                  \
    X(dm_host_cases, journal_entries) X(dm_host_cases, attachments) X(dm_host_cases, case_types)  \
    X(dm_host_cases, open_attachment) X(dm_host_cases, attachment_size)                           \
    X(dm_host_cases, read_attachment) X(dm_host_cases, attachment_fd)                             \
    X(dm_host_cases, close_attachment)                                                            \
    X(dm_host_directory, struct_size) X(dm_host_directory, user)                                  \
    X(dm_host_directory, active_user_count) X(dm_host_directory, may_access)                      \
    X(dm_host_log, struct_size) X(dm_host_log, log)                                               \
    X(dm_plugin_ui, struct_size) X(dm_plugin_ui, contributions) X(dm_plugin_ui, invoke_action)    \
    X(dm_plugin_ui, render_panel) X(dm_plugin_ui, column_values)                                  \
    X(dm_event, struct_size) X(dm_event, kind) X(dm_event, case_id) X(dm_event, attachment_id)    \
    X(dm_event, user_id)                                                                          \
    X(dm_plugin_events, struct_size) X(dm_plugin_events, on_event)

/* Types passed by value whose size must not change: the 1.0 enums became int32_t in 1.1. */
#define DM_LAYOUT_SCALARS(X) X(dm_status) X(dm_event_kind) X(dm_log_level)

/* The versioned structs: 1.0's sizeof, against 1.1's DM_..._V1_0_SIZE. */
#define DM_LAYOUT_STRUCTS(X)                                                                      \
    X(dm_context, DM_CONTEXT_V1_0_SIZE)                                                           \
    X(dm_host, DM_HOST_V1_0_SIZE)                                                                 \
    X(dm_init_args, DM_INIT_ARGS_V1_0_SIZE)                                                       \
    X(struct dm_plugin_entry, DM_PLUGIN_ENTRY_V1_0_SIZE)                                          \
    X(dm_host_cases, DM_HOST_CASES_V1_0_SIZE)                                                     \
    X(dm_host_directory, DM_HOST_DIRECTORY_V1_0_SIZE)                                             \
    X(dm_host_log, DM_HOST_LOG_V1_0_SIZE)                                                         \
    X(dm_plugin_ui, DM_PLUGIN_UI_V1_0_SIZE)                                                       \
    X(dm_event, DM_EVENT_V1_0_SIZE)                                                               \
    X(dm_plugin_events, DM_PLUGIN_EVENTS_V1_0_SIZE)
/* clang-format on */

#endif /* TESTS_ABI_COMPAT_LAYOUT_FIELDS_H */
