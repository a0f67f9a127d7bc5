// "1.2 MB", "532 KB": sizes as people read them.
#pragma once

#include <cstdint>
#include <string>

namespace es::ui {

std::string human_size(std::uint64_t bytes);

}  // namespace es::ui
