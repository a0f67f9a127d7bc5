/* Recursive descent over the RFC 8259 grammar; strict on purpose, since the point is to catch
 * plugins and hosts that send almost-JSON. */
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { JSON_MAX_DEPTH = 64 };

typedef struct parser {
    const char* begin;
    const char* p;
    const char* end;
    char* error;
    size_t error_cap;
    int failed;
} parser;

static void fail(parser* ps, const char* what) {
    if (!ps->failed && ps->error != NULL && ps->error_cap > 0) {
        snprintf(ps->error, ps->error_cap, "%s at byte %ld", what, (long)(ps->p - ps->begin));
    }
    ps->failed = 1;
}

static void skip_space(parser* ps) {
    while (ps->p < ps->end &&
           (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')) {
        ps->p++;
    }
}

static json_value* new_value(json_type type) {
    json_value* v = calloc(1, sizeof *v);
    if (v != NULL) {
        v->type = type;
    }
    return v;
}

static int literal(parser* ps, const char* word) {
    size_t n = strlen(word);
    if ((size_t)(ps->end - ps->p) >= n && memcmp(ps->p, word, n) == 0) {
        ps->p += n;
        return 1;
    }
    return 0;
}

static int is_digit(char c) {
    return c >= '0' && c <= '9';
}

static int parse_number(parser* ps) {
    if (ps->p < ps->end && *ps->p == '-') {
        ps->p++;
    }
    if (ps->p >= ps->end || !is_digit(*ps->p)) {
        return 0;
    }
    if (*ps->p == '0') {
        ps->p++;
    } else {
        while (ps->p < ps->end && is_digit(*ps->p))
            ps->p++;
    }
    if (ps->p < ps->end && *ps->p == '.') {
        ps->p++;
        if (ps->p >= ps->end || !is_digit(*ps->p))
            return 0;
        while (ps->p < ps->end && is_digit(*ps->p))
            ps->p++;
    }
    if (ps->p < ps->end && (*ps->p == 'e' || *ps->p == 'E')) {
        ps->p++;
        if (ps->p < ps->end && (*ps->p == '+' || *ps->p == '-'))
            ps->p++;
        if (ps->p >= ps->end || !is_digit(*ps->p))
            return 0;
        while (ps->p < ps->end && is_digit(*ps->p))
            ps->p++;
    }
    return 1;
}

static int hex4(parser* ps, unsigned* out) {
    unsigned v = 0;
    int i;
    if (ps->end - ps->p < 4)
        return 0;
    for (i = 0; i < 4; i++) {
        char c = *ps->p++;
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return 0;
    }
    *out = v;
    return 1;
}

static size_t put_utf8(char* out, unsigned cp) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes a string starting after its opening quote. The decoded text is never longer than the
 * encoded one, so one allocation of the remaining length suffices. */
static char* parse_string(parser* ps) {
    char* out = malloc((size_t)(ps->end - ps->p) + 1);
    size_t n = 0;
    if (out == NULL) {
        fail(ps, "out of memory");
        return NULL;
    }
    while (ps->p < ps->end) {
        unsigned char c = (unsigned char)*ps->p++;
        if (c == '"') {
            out[n] = '\0';
            return out;
        }
        if (c < 0x20) {
            fail(ps, "control character in string");
            break;
        }
        if (c != '\\') {
            out[n++] = (char)c;
            continue;
        }
        if (ps->p >= ps->end)
            break;
        c = (unsigned char)*ps->p++;
        switch (c) {
            case '"':
                out[n++] = '"';
                break;
            case '\\':
                out[n++] = '\\';
                break;
            case '/':
                out[n++] = '/';
                break;
            case 'b':
                out[n++] = '\b';
                break;
            case 'f':
                out[n++] = '\f';
                break;
            case 'n':
                out[n++] = '\n';
                break;
            case 'r':
                out[n++] = '\r';
                break;
            case 't':
                out[n++] = '\t';
                break;
            case 'u': {
                unsigned cp, low;
                if (!hex4(ps, &cp)) {
                    fail(ps, "bad \\u escape");
                    free(out);
                    return NULL;
                }
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (!literal(ps, "\\u") || !hex4(ps, &low) || low < 0xDC00 || low > 0xDFFF) {
                        fail(ps, "unpaired surrogate");
                        free(out);
                        return NULL;
                    }
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                n += put_utf8(out + n, cp);
                break;
            }
            default:
                fail(ps, "bad escape");
                free(out);
                return NULL;
        }
    }
    fail(ps, "unterminated string");
    free(out);
    return NULL;
}

static json_value* parse_value(parser* ps, int depth);

static int append_item(parser* ps, json_value* container, json_value* item) {
    json_value* grown = realloc(container->items, (container->count + 1) * sizeof *grown);
    if (grown == NULL) {
        fail(ps, "out of memory");
        return 0;
    }
    container->items = grown;
    container->items[container->count++] = *item;
    free(item); /* its contents now live in the container */
    return 1;
}

static json_value* parse_container(parser* ps, int depth, int is_object) {
    char close = is_object ? '}' : ']';
    json_value* v = new_value(is_object ? JSON_OBJECT : JSON_ARRAY);
    if (v == NULL) {
        fail(ps, "out of memory");
        return NULL;
    }
    skip_space(ps);
    if (ps->p < ps->end && *ps->p == close) {
        ps->p++;
        return v;
    }
    for (;;) {
        char* key = NULL;
        json_value* item;
        skip_space(ps);
        if (is_object) {
            if (ps->p >= ps->end || *ps->p != '"') {
                fail(ps, "expected a member name");
                break;
            }
            ps->p++;
            key = parse_string(ps);
            if (key == NULL)
                break;
            skip_space(ps);
            if (ps->p >= ps->end || *ps->p != ':') {
                free(key);
                fail(ps, "expected ':'");
                break;
            }
            ps->p++;
        }
        item = parse_value(ps, depth + 1);
        if (item == NULL) {
            free(key);
            break;
        }
        item->key = key;
        if (!append_item(ps, v, item))
            break;
        skip_space(ps);
        if (ps->p < ps->end && *ps->p == ',') {
            ps->p++;
            continue;
        }
        if (ps->p < ps->end && *ps->p == close) {
            ps->p++;
            return v;
        }
        fail(ps, is_object ? "expected ',' or '}'" : "expected ',' or ']'");
        break;
    }
    json_free(v);
    return NULL;
}

static json_value* parse_value(parser* ps, int depth) {
    json_value* v = NULL;
    const char* start;
    if (depth > JSON_MAX_DEPTH) {
        fail(ps, "nested too deeply");
        return NULL;
    }
    skip_space(ps);
    if (ps->p >= ps->end) {
        fail(ps, "unexpected end");
        return NULL;
    }
    start = ps->p;
    switch (*ps->p) {
        case '{':
            ps->p++;
            return parse_container(ps, depth, 1);
        case '[':
            ps->p++;
            return parse_container(ps, depth, 0);
        case '"': {
            char* s;
            ps->p++;
            s = parse_string(ps);
            if (s == NULL)
                return NULL;
            v = new_value(JSON_STRING);
            if (v == NULL) {
                free(s);
                break;
            }
            v->string = s;
            return v;
        }
        case 't':
        case 'f':
            if (literal(ps, "true") || literal(ps, "false")) {
                v = new_value(JSON_BOOL);
                if (v != NULL)
                    v->boolean = *start == 't';
                return v;
            }
            break;
        case 'n':
            if (literal(ps, "null"))
                return new_value(JSON_NULL);
            break;
        default:
            if (parse_number(ps))
                return new_value(JSON_NUMBER);
            break;
    }
    ps->p = start;
    fail(ps, "unexpected character");
    return NULL;
}

json_value* json_parse(const char* data, size_t len, char* error, size_t error_cap) {
    parser ps;
    json_value* v;
    ps.p = data == NULL ? "" : data;
    ps.begin = ps.p;
    ps.end = ps.p + (data == NULL ? 0 : len);
    ps.error = error;
    ps.error_cap = error_cap;
    ps.failed = 0;
    v = parse_value(&ps, 0);
    if (v != NULL) {
        skip_space(&ps);
        if (ps.p != ps.end) {
            fail(&ps, "trailing characters after the value");
            json_free(v);
            v = NULL;
        }
    }
    return v;
}

static void free_contents(json_value* v) {
    size_t i;
    for (i = 0; i < v->count; i++) {
        free_contents(&v->items[i]);
    }
    free(v->items);
    free(v->string);
    free(v->key);
}

void json_free(json_value* value) {
    if (value != NULL) {
        free_contents(value);
        free(value);
    }
}

const json_value* json_member(const json_value* object, const char* key) {
    size_t i;
    if (object == NULL || object->type != JSON_OBJECT)
        return NULL;
    for (i = 0; i < object->count; i++) {
        if (strcmp(object->items[i].key, key) == 0)
            return &object->items[i];
    }
    return NULL;
}

const char* json_string_member(const json_value* object, const char* key) {
    const json_value* m = json_member(object, key);
    return (m != NULL && m->type == JSON_STRING) ? m->string : NULL;
}
