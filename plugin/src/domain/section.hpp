// The three parts of a case that can be shared. Each single item belongs to exactly one section.
#pragma once

#include <string_view>

namespace es::domain {

enum class Section { Details, Journal, Attachments };

inline constexpr Section kAllSections[] = {Section::Details, Section::Journal,
                                           Section::Attachments};

std::string_view to_text(Section s);      // "details", "journal", "attachments"
Section parse_section(std::string_view);  // throws Error(InvalidInput)

}  // namespace es::domain
