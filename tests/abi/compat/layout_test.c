/* Append-only, checked: every field of ABI 1.0 has the same offset and size in the current headers,
 * the 1.0 enums kept their size as int32_t, and each DM_..._V1_0_SIZE equals 1.0's sizeof.
 * Compiled against the current headers and linked with layout_v1_0.c (the frozen ones); C has no
 * one-definition rule across translation units, so the two views of each struct may differ. */
#include <dm/dm.h>
#include <stddef.h>
#include <stdio.h>

#include "layout_fields.h"

extern const size_t dm_layout_v1_0_fields[];
extern const size_t dm_layout_v1_0_scalars[];
extern const size_t dm_layout_v1_0_structs[];
extern const int dm_layout_v1_0_minor;

#define DM_FIELD(type, field) offsetof(type, field), sizeof(((type*)0)->field),
#define DM_FIELD_NAME(type, field) #type "." #field,
#define DM_SCALAR(type) sizeof(type),
#define DM_SCALAR_NAME(type) #type,
#define DM_STRUCT(type, v1_0_size) (size_t)(v1_0_size),
#define DM_STRUCT_NAME(type, v1_0_size) #v1_0_size,

static const size_t current_fields[] = {DM_LAYOUT_FIELDS(DM_FIELD) 0};
static const char* const field_names[] = {DM_LAYOUT_FIELDS(DM_FIELD_NAME) NULL};
static const size_t current_scalars[] = {DM_LAYOUT_SCALARS(DM_SCALAR) 0};
static const char* const scalar_names[] = {DM_LAYOUT_SCALARS(DM_SCALAR_NAME) NULL};
static const size_t current_structs[] = {DM_LAYOUT_STRUCTS(DM_STRUCT) 0};
static const char* const struct_names[] = {DM_LAYOUT_STRUCTS(DM_STRUCT_NAME) NULL};

int main(void) {
    int failures = 0;
    size_t i, fields;
    if (dm_layout_v1_0_minor != 0) {
        fprintf(stderr, "layout_v1_0.c was not built against the frozen 1.0 headers\n");
        return 1;
    }
    for (i = 0; field_names[i] != NULL; i++) {
        size_t offset = current_fields[2 * i], size = current_fields[2 * i + 1];
        size_t old_offset = dm_layout_v1_0_fields[2 * i],
               old_size = dm_layout_v1_0_fields[2 * i + 1];
        if (offset != old_offset || size != old_size) {
            fprintf(stderr, "%s moved: 1.0 offset %lu size %lu, now offset %lu size %lu\n",
                    field_names[i], (unsigned long)old_offset, (unsigned long)old_size,
                    (unsigned long)offset, (unsigned long)size);
            failures++;
        }
    }
    fields = i;
    for (i = 0; scalar_names[i] != NULL; i++) {
        if (current_scalars[i] != dm_layout_v1_0_scalars[i]) {
            fprintf(stderr, "%s changed size: 1.0 %lu, now %lu\n", scalar_names[i],
                    (unsigned long)dm_layout_v1_0_scalars[i], (unsigned long)current_scalars[i]);
            failures++;
        }
    }
    for (i = 0; struct_names[i] != NULL; i++) {
        if (current_structs[i] != dm_layout_v1_0_structs[i]) {
            fprintf(stderr, "%s is %lu, but 1.0's sizeof was %lu\n", struct_names[i],
                    (unsigned long)current_structs[i], (unsigned long)dm_layout_v1_0_structs[i]);
            failures++;
        }
    }
    if (failures > 0) {
        fprintf(stderr, "layout: %d difference(s) from ABI 1.0\n", failures);
        return 1;
    }
    printf("layout: %lu fields, %lu scalars and %lu struct sizes as in ABI 1.0\n",
           (unsigned long)fields,
           (unsigned long)(sizeof current_scalars / sizeof current_scalars[0] - 1),
           (unsigned long)(sizeof current_structs / sizeof current_structs[0] - 1));
    return 0;
}
