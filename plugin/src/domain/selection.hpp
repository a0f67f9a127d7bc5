// What of a case a share shows: which sections, and which single items in them.
//
// An explicit allow-list: an item is visible only when its section is included AND the owner listed
// it AND it is not hidden AND the host still has it. Items the host adds to the case later are not
// listed, so they stay invisible until the owner adds them; hidden items stay listed (the owner's
// preview shows them as hidden) but the recipient never learns they exist.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "domain/case_items.hpp"
#include "domain/section.hpp"
#include "domain/selected_item.hpp"

namespace es::domain {

class Selection {
  public:
    Selection() = default;

    // Everything the case holds now, in every given section, visible. What "share" starts from.
    static Selection everything_in(const CaseItems& items, const std::set<Section>& sections);

    void include_section(Section s, bool included);
    bool includes_section(Section s) const { return sections_.count(s) != 0; }
    const std::set<Section>& sections() const { return sections_; }

    // Lists the item (visible or not) or changes an already listed item.
    void set_visible(Section s, const std::string& item_id, bool visible);
    // Forgets the item entirely (it was deleted in the host). Returns whether it was listed.
    bool remove(Section s, const std::string& item_id);
    bool lists(Section s, const std::string& item_id) const;

    // Visible to the recipient, given what the host still has.
    bool is_visible(Section s, const std::string& item_id, const CaseItems& existing) const;
    // The visible ids of a section, in the host's order. Empty when the section is not included.
    std::vector<std::string> visible_ids(Section s, const CaseItems& existing) const;

    const std::vector<SelectedItem>& items() const { return items_; }

    bool operator==(const Selection&) const = default;

  private:
    std::set<Section> sections_;
    std::vector<SelectedItem> items_;  // in the order they were added
};

}  // namespace es::domain
