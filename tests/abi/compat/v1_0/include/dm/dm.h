/* Umbrella header: the whole Dossier Manager plugin ABI v1. */
#ifndef DM_DM_H
#define DM_DM_H

#include "entry.h"
#include "ext/cases.h"
#include "ext/directory.h"
#include "ext/events.h"
#include "ext/log.h"
#include "ext/ui.h"
#include "host.h"
#include "threading.h"
#include "types.h"
#include "version.h"

#endif /* DM_DM_H */
