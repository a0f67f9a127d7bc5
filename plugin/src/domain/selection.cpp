#include "domain/selection.hpp"

#include <algorithm>
#include <string>

#include "domain/error.hpp"

namespace es::domain {

std::string_view to_text(Section s) {
    switch (s) {
        case Section::Details:
            return "details";
        case Section::Journal:
            return "journal";
        case Section::Attachments:
            break;
    }
    return "attachments";
}

Section parse_section(std::string_view text) {
    for (Section s : kAllSections) {
        if (to_text(s) == text) {
            return s;
        }
    }
    throw Error(Error::Kind::InvalidInput, "unknown section '" + std::string(text) + "'");
}

Selection Selection::everything_in(const CaseItems& items, const std::set<Section>& sections) {
    Selection out;
    for (Section s : sections) {
        out.include_section(s, true);
        for (const auto& id : items.of(s)) {
            out.set_visible(s, id, true);
        }
    }
    return out;
}

void Selection::include_section(Section s, bool included) {
    if (included) {
        sections_.insert(s);
    } else {
        sections_.erase(s);
    }
}

void Selection::set_visible(Section s, const std::string& item_id, bool visible) {
    for (auto& item : items_) {
        if (item.section == s && item.item_id == item_id) {
            item.visible = visible;
            return;
        }
    }
    items_.push_back(SelectedItem{s, item_id, visible});
}

bool Selection::remove(Section s, const std::string& item_id) {
    auto it = std::find_if(items_.begin(), items_.end(), [&](const SelectedItem& i) {
        return i.section == s && i.item_id == item_id;
    });
    if (it == items_.end()) {
        return false;
    }
    items_.erase(it);
    return true;
}

bool Selection::lists(Section s, const std::string& item_id) const {
    return std::any_of(items_.begin(), items_.end(), [&](const SelectedItem& i) {
        return i.section == s && i.item_id == item_id;
    });
}

bool Selection::is_visible(Section s, const std::string& item_id, const CaseItems& existing) const {
    if (!includes_section(s) || !existing.contains(s, item_id)) {
        return false;
    }
    return std::any_of(items_.begin(), items_.end(), [&](const SelectedItem& i) {
        return i.section == s && i.item_id == item_id && i.visible;
    });
}

std::vector<std::string> Selection::visible_ids(Section s, const CaseItems& existing) const {
    std::vector<std::string> out;
    if (!includes_section(s)) {
        return out;
    }
    std::set<std::string> shown;
    for (const auto& i : items_) {
        if (i.section == s && i.visible) {
            shown.insert(i.item_id);
        }
    }
    for (const auto& id : existing.of(s)) {
        if (shown.count(id) != 0) {
            out.push_back(id);
        }
    }
    return out;
}

}  // namespace es::domain
