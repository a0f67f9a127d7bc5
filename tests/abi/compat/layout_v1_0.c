/* The layout of ABI 1.0, measured on the frozen headers (compiled with -I compat/v1_0/include). */
#include <dm/dm.h>
#include <stddef.h>

#include "layout_fields.h"

#define DM_FIELD(type, field) offsetof(type, field), sizeof(((type*)0)->field),
#define DM_SCALAR(type) sizeof(type),
#define DM_STRUCT(type, v1_0_size) sizeof(type),

const size_t dm_layout_v1_0_fields[] = {DM_LAYOUT_FIELDS(DM_FIELD) 0};
const size_t dm_layout_v1_0_scalars[] = {DM_LAYOUT_SCALARS(DM_SCALAR) 0};
const size_t dm_layout_v1_0_structs[] = {DM_LAYOUT_STRUCTS(DM_STRUCT) 0};
const int dm_layout_v1_0_minor = DM_ABI_VERSION_MINOR;
