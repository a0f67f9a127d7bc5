// Header-only C++ wrapper of the Dossier Manager plugin ABI v1 (the hourglass's outer halves).
#pragma once

#include "../dm.h"
#include "barrier.hpp"
#include "context.hpp"
#include "error.hpp"
#include "host_services.hpp"
#include "plugin_handle.hpp"
#include "sink.hpp"
#include "versioned.hpp"
