// How serious a line for the host's log is (dm.log's levels, in the plugin's terms).
#pragma once

namespace es::host {

enum class LogLevel { Debug, Info, Warning, Error };

}  // namespace es::host
