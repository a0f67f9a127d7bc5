// One item the owner put into a share, and whether it is currently shown or hidden.
#pragma once

#include <string>

#include "domain/section.hpp"

namespace es::domain {

struct SelectedItem {
    Section section = Section::Details;
    std::string item_id;
    bool visible = true;

    bool operator==(const SelectedItem&) const = default;
};

}  // namespace es::domain
