// What the portal asks of the rest of the module, answered by the licence and share services.
#pragma once

#include "app/share_service.hpp"
#include "licence/licence_service.hpp"
#include "portal/licence_gate.hpp"
#include "portal/preview_editor.hpp"

namespace es::app {

class PortalAdapters : public portal::LicenceGate, public portal::PreviewEditor {
  public:
    PortalAdapters(licence::LicenceService& licences, ShareService& shares)
        : licences_(licences), shares_(shares) {}

    bool is_active(const std::string& organisation_id) override {
        return licences_.is_active(organisation_id);
    }

    // "Hide" in the owner's preview: the same rule as the panel's visible-items editor.
    void hide_item(const domain::Actor& owner, const std::string& share_id, domain::Section section,
                   const std::string& item_id) override {
        shares_.set_item_visible(owner, share_id, section, item_id, false);
    }

  private:
    licence::LicenceService& licences_;
    ShareService& shares_;
};

}  // namespace es::app
