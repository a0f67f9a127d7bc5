// The policy check that stands before every route that touches a share.
//
// For each request: hash the token and look it up (always, even for a malformed token, so every
// dead link costs the same), require a live share by the database clock, require an active
// licence for its organisation, and load this browser's session for the share. Nothing that
// decides access is cached between requests: a revocation, expiry, deactivation or password change
// takes effect on the next request. Only the organisation's name, which the page shows as "Shared
// by", is kept for a few seconds (store/recent_organisation_values.hpp).
//
// Thread safety: any thread; state lives in the database only.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "crypto/secret_box.hpp"
#include "portal/exchange.hpp"
#include "portal/http/cookie_jar.hpp"
#include "portal/licence_gate.hpp"
#include "portal/share_access.hpp"
#include "store/recent_organisation_values.hpp"
#include "store/store.hpp"

namespace es::portal {

class ShareGate {
  public:
    static constexpr const char* kPreviewPurpose = "portal-preview-session";
    static constexpr const char* kOwnerMarkPurpose = "portal-owner-mark";

    ShareGate(store::Store& store, LicenceGate& licence, const crypto::SecretBox& box,
              const http::CookieJar& cookies, std::chrono::minutes session_idle)
        : store_(store),
          licence_(licence),
          box_(box),
          cookies_(cookies),
          idle_(session_idle),
          names_([&store](const std::string& organisation_id) {
              return store.organisation_settings().value(organisation_id, "display_name");
          }) {}

    // Nothing: answer like an unknown link.
    std::optional<ShareAccess> by_token(const Exchange& ex, std::string_view token);

    // The owner's preview `preview_id` (the id in its URL), from that preview's own cookie.
    struct PreviewLookup {
        std::optional<ShareAccess> open;  // the preview, of a live share
        // The preview is the owner's, but its link is no longer live (revoked or expired): the
        // share as it is now, only to tell the owner so. Never served from.
        std::optional<ShareAccess> ended;
    };
    PreviewLookup by_preview(const Exchange& ex, const std::string& preview_id);

    // For long transfers: is the share still live, licensed, and the session still valid?
    bool still_allowed(const ShareAccess& access);

    std::chrono::minutes session_idle() const { return idle_; }

  private:
    // A browser in which someone of the share's organisation opened a preview of this very share
    // (the owner mark cookie, sealed, from PreviewTickets::redeem).
    bool carries_owner_mark(const Exchange& ex, const domain::Share& share) const;

    std::string organisation_name(const std::string& organisation_id);

    store::Store& store_;
    LicenceGate& licence_;
    const crypto::SecretBox& box_;
    const http::CookieJar& cookies_;
    std::chrono::minutes idle_;
    store::RecentOrganisationValues names_;
};

}  // namespace es::portal
