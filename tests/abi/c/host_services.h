/* The host services of the plain C host: dm.cases/1 (with the 1.1 read_case and add_journal_entry
 * when built against 1.1), dm.directory/1 and dm.log/1 over a few fake cases of organisation
 * "org-1", with one attachment backed by a real temporary file. */
#ifndef TESTS_ABI_C_HOST_SERVICES_H
#define TESTS_ABI_C_HOST_SERVICES_H

#include <dm/dm.h>

#define FAKE_ORGANISATION "org-1"
#define FAKE_USER "user-1"
#define FAKE_OTHER_USER "user-2"
#define FAKE_CASE "case-1"
#define FAKE_OTHER_CASE "case-2"
#define FAKE_SECRET_CASE "case-secret" /* exists, but FAKE_USER may not access it */
#define FAKE_ATTACHMENT "att-1"

/* Prepares the services; the attachment's file goes into `scratch_directory`. Returns 0 on success,
 * else -1 with a message on stderr. */
int fake_host_start(const char* scratch_directory);

/* The dm_host handed to the plugin; valid between fake_host_start and fake_host_stop. */
const dm_host* fake_host(void);

/* Attachment streams the plugin opened and has not closed yet. */
long fake_host_open_streams(void);

/* Host-side complaints about the plugin (for example a bad log level); counted, printed at once. */
long fake_host_violations(void);

/* Calls of the dm.cases 1.1 functions: read_case, and journal entries added (0 in a 1.0 build). */
long fake_host_read_case_calls(void);
long fake_host_journal_entries_added(void);

void fake_host_stop(void);

#endif /* TESTS_ABI_C_HOST_SERVICES_H */
