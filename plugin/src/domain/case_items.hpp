// The ids of what a case holds in the host right now, per section, in the host's display order.
// Supplied by the host (through CaseAccess); the share's visibility is always intersected with it,
// so an item deleted in the host is never served even before the deletion event arrives.
#pragma once

#include <string>
#include <vector>

#include "domain/section.hpp"

namespace es::domain {

struct CaseItems {
    std::vector<std::string> detail_fields;
    std::vector<std::string> journal_entries;
    std::vector<std::string> attachments;

    const std::vector<std::string>& of(Section s) const {
        switch (s) {
            case Section::Details:
                return detail_fields;
            case Section::Journal:
                return journal_entries;
            case Section::Attachments:
                break;
        }
        return attachments;
    }

    bool contains(Section s, const std::string& id) const {
        for (const auto& i : of(s)) {
            if (i == id) {
                return true;
            }
        }
        return false;
    }
};

}  // namespace es::domain
