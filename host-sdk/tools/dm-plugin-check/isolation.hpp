// Runs the session in forked children so that a plugin that crashes, aborts or hangs is reported,
// not fatal: the parent attributes the death to the step that was running and starts a new child
// that leaves that step out.
#pragma once

#include "report.hpp"
#include "session.hpp"

namespace dm_check {

void run_isolated(const SessionOptions& options, Report& report, int timeout_seconds);

}  // namespace dm_check
