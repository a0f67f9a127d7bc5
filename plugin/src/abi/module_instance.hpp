// The one Module of this process, as the C functions see it.
#pragma once

#include <atomic>

#include "app/module.hpp"

namespace es::abi {

// Set by `init` after the Module is fully built, cleared by `deinit` before it is destroyed. The
// ABI forbids calls after `deinit`; a late call then finds nullptr and fails cleanly.
extern std::atomic<app::Module*> g_module;

// The running module, or throws dm::Error when called outside init..deinit.
app::Module& running_module();

}  // namespace es::abi
