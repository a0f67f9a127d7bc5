/* A small strict JSON parser in C (RFC 8259), for the C host and the C plugin: enough to prove that
 * what crossed the ABI is JSON and to read a few members. Not a general-purpose library. */
#ifndef TESTS_ABI_C_JSON_H
#define TESTS_ABI_C_JSON_H

#include <stddef.h>

typedef enum json_type {
    JSON_NULL,
    JSON_BOOL,
    JSON_NUMBER,
    JSON_STRING,
    JSON_ARRAY,
    JSON_OBJECT
} json_type;

typedef struct json_value json_value;
struct json_value {
    json_type type;
    int boolean;       /* JSON_BOOL */
    char* string;      /* JSON_STRING: decoded UTF-8, NUL-terminated */
    char* key;         /* member name when the value sits in an object, else NULL */
    json_value* items; /* JSON_ARRAY elements or JSON_OBJECT members, in document order */
    size_t count;
};

/* Parses exactly one JSON value (surrounding whitespace allowed). Returns NULL and writes a reason
 * into `error` (capacity `error_cap`) when `data` is not JSON. Free the result with json_free. */
json_value* json_parse(const char* data, size_t len, char* error, size_t error_cap);
void json_free(json_value* value);

/* The member `key` of an object, or NULL (also when `object` is not an object). */
const json_value* json_member(const json_value* object, const char* key);

/* The string member `key` of an object, or NULL. */
const char* json_string_member(const json_value* object, const char* key);

#endif /* TESTS_ABI_C_JSON_H */
