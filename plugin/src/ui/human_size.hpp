// A file size as the owner's dialogs and panel show it: text::byte_size, the module's one size
// format (decimal units, "25.5 kB" / "25,5 kB"), in the reader's language.
#pragma once

#include <cstdint>
#include <string>

#include "ui/texts.hpp"

namespace es::ui {

std::string human_size(std::uint64_t bytes, Language language = Language::En);

}  // namespace es::ui
