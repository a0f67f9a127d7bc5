// What the owner's preview may change: hide one item of the share. The portal only checks that the
// request comes from a valid preview session; the implementation (ShareService) applies the owner's
// rights and writes the audit entry.
#pragma once

#include <string>

#include "domain/actor.hpp"
#include "domain/section.hpp"

namespace es::portal {

class PreviewEditor {
  public:
    virtual ~PreviewEditor() = default;
    // Throws es::domain::Error when the share is gone or the actor may not change it.
    virtual void hide_item(const domain::Actor& owner, const std::string& share_id,
                           domain::Section section, const std::string& item_id) = 0;
};

}  // namespace es::portal
