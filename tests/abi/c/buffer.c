#include "buffer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buffer_init(buffer* b) {
    memset(b, 0, sizeof *b);
}

void buffer_free(buffer* b) {
    free(b->data);
    buffer_init(b);
}

void buffer_clear(buffer* b) {
    b->len = 0;
    b->oom = 0;
    if (b->data != NULL)
        b->data[0] = '\0';
}

void buffer_append(buffer* b, const char* data, size_t len) {
    if (b->len + len + 1 > b->cap) {
        size_t cap = b->cap == 0 ? 256 : b->cap;
        char* grown;
        while (cap < b->len + len + 1)
            cap *= 2;
        grown = realloc(b->data, cap);
        if (grown == NULL) {
            b->oom = 1;
            return;
        }
        b->data = grown;
        b->cap = cap;
    }
    if (len > 0)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void buffer_append_cstr(buffer* b, const char* text) {
    buffer_append(b, text, strlen(text));
}

void buffer_append_json_string(buffer* b, const char* text, size_t len) {
    size_t i;
    buffer_append(b, "\"", 1);
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '"' || c == '\\') {
            char esc[2] = {'\\', (char)c};
            buffer_append(b, esc, 2);
        } else if (c < 0x20) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\u%04x", c);
            buffer_append(b, esc, 6);
        } else {
            buffer_append(b, (const char*)&text[i], 1);
        }
    }
    buffer_append(b, "\"", 1);
}

const char* buffer_cstr(const buffer* b) {
    return b->data == NULL ? "" : b->data;
}

static void buffer_write(void* ctx, const char* data, size_t len) {
    buffer_append((buffer*)ctx, data, len);
}

dm_sink buffer_sink(buffer* b) {
    dm_sink s;
    s.ctx = b;
    s.write = buffer_write;
    return s;
}

void sink_write_cstr(const dm_sink* sink, const char* text) {
    if (sink != NULL && sink->write != NULL)
        sink->write(sink->ctx, text, strlen(text));
}
