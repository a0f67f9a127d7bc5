#include "ui/human_size.hpp"

#include "text/byte_size.hpp"

namespace es::ui {

std::string human_size(std::uint64_t bytes, Language language) {
    return text::byte_size(
        bytes, language == Language::De ? text::NumberFormat::German : text::NumberFormat::English);
}

}  // namespace es::ui
