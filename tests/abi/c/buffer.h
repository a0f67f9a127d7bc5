/* A growable byte buffer that serves as a dm_sink, and JSON text building on top of it. */
#ifndef TESTS_ABI_C_BUFFER_H
#define TESTS_ABI_C_BUFFER_H

#include <dm/types.h>
#include <stddef.h>

typedef struct buffer {
    char* data; /* always NUL-terminated after the first append, for printing */
    size_t len;
    size_t cap;
    int oom; /* set when an append failed; the content is then incomplete */
} buffer;

void buffer_init(buffer* b);
void buffer_free(buffer* b);
void buffer_clear(buffer* b);
void buffer_append(buffer* b, const char* data, size_t len);
void buffer_append_cstr(buffer* b, const char* text);
/* Appends `text` as a JSON string literal, quotes included. */
void buffer_append_json_string(buffer* b, const char* text, size_t len);
/* The text so far, "" when empty. */
const char* buffer_cstr(const buffer* b);

/* A dm_sink appending to `b`. */
dm_sink buffer_sink(buffer* b);

/* Writes a NUL-terminated message into a sink the other side supplied; NULL sink: not wanted. */
void sink_write_cstr(const dm_sink* sink, const char* text);

#endif /* TESTS_ABI_C_BUFFER_H */
