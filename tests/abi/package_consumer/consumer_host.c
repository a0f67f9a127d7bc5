/* Compiles against the installed C headers and checks the one compatibility rule. */
#include <dm/dm.h>
#include <stdio.h>

int main(void) {
    dm_version mine = DM_ABI_VERSION_INIT;
    if (!dm_version_is_compatible(mine)) {
        fprintf(stderr, "installed headers disagree with themselves\n");
        return 1;
    }
    printf("installed dm-host-sdk speaks ABI %u.%u\n", mine.major, mine.minor);
    return 0;
}
