// The plugin's "dm.ui/1" table.
#pragma once

#include <dm/ext/ui.h>

namespace es::abi {

const dm_plugin_ui* ui_extension() noexcept;

}  // namespace es::abi
