// Single-use, two-minute tickets that let the owner open the preview from the caseworker panel.
//
// A ticket is a sealed PreviewGrant (AES-256-GCM; nobody can forge or alter one). Single use is
// kept in the database: redeeming takes the ticket's SHA-256 as a throttle key with a limit of one
// hit, atomically, so the database holds only a hash and a second redemption anywhere fails.
//
// Thread safety: any thread.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "crypto/secret_box.hpp"
#include "store/store.hpp"

namespace es::portal {

class PreviewTickets {
  public:
    static constexpr std::chrono::minutes kTicketLifetime{2};
    static constexpr std::chrono::minutes kPreviewLifetime{30};
    static constexpr std::chrono::hours kOwnerMarkLifetime{24 * 30};

    PreviewTickets(store::Store& store, const crypto::SecretBox& box, std::string public_url)
        : store_(store), box_(box), public_url_(std::move(public_url)) {}

    // The URL the panel opens. The caller has checked that `user_id` may see the share's case.
    // Throws domain::Error(NotFound) for a share that is not in the organisation or not live.
    std::string create_url(const std::string& organisation_id, const std::string& share_id,
                           const std::string& user_id);

    struct Redeemed {
        std::string preview_id;      // this preview's own: its URL /preview/{id} and cookie name
        std::string preview_cookie;  // the preview of this share, for kPreviewLifetime
        std::string owner_mark;      // this browser is the organisation's (ShareGate::by_token)
    };
    // The cookie values for a valid, unused ticket; nothing otherwise.
    std::optional<Redeemed> redeem(const std::string& ticket);

  private:
    store::Store& store_;
    const crypto::SecretBox& box_;
    std::string public_url_;
};

}  // namespace es::portal
