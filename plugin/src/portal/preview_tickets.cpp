#include "portal/preview_tickets.hpp"

#include "crypto/digest.hpp"
#include "crypto/token.hpp"
#include "domain/error.hpp"
#include "portal/preview_grant.hpp"
#include "portal/share_gate.hpp"

namespace es::portal {
namespace {
constexpr const char* kTicketPurpose = "portal-preview-ticket";
}

std::string PreviewTickets::create_url(const std::string& organisation_id,
                                       const std::string& share_id, const std::string& user_id) {
    const auto now = store_.database_now();
    auto share = store_.shares().find(organisation_id, share_id);
    if (!share || share->status_at(now) != domain::ShareStatus::Active) {
        throw domain::Error(domain::Error::Kind::NotFound, "no live share to preview");
    }
    PreviewGrant g{organisation_id, share_id, user_id, now + kTicketLifetime, ""};
    return public_url_ + "/p/" + g.seal(box_, kTicketPurpose);
}

std::optional<PreviewTickets::Redeemed> PreviewTickets::redeem(const std::string& ticket) {
    auto grant = PreviewGrant::open(box_, kTicketPurpose, ticket);
    const auto now = store_.database_now();
    if (!grant || now >= grant->expires_at) {
        return std::nullopt;
    }
    // Longer than the ticket lives, so the used mark outlasts the ticket.
    if (!store_.throttle().try_hit("portal:preview_ticket:" + crypto::sha256_hex(ticket),
                                   std::chrono::seconds(3600), 1)) {
        return std::nullopt;
    }
    // The mark names the previewed link: it tells that link's log that a visit is the owner's,
    // and no other link's (a preview of one link must not hide someone's visits to another).
    const PreviewGrant mark{grant->organisation_id, grant->share_id, grant->user_id,
                            now + kOwnerMarkLifetime, ""};
    grant->expires_at = now + kPreviewLifetime;
    // Every redemption is a preview of its own, with its own URL and cookie: previews of several
    // links (or of one link twice) in one browser stand side by side.
    grant->preview_id = crypto::new_share_id();
    return Redeemed{grant->preview_id, grant->seal(box_, ShareGate::kPreviewPurpose),
                    mark.seal(box_, ShareGate::kOwnerMarkPurpose)};
}

}  // namespace es::portal
