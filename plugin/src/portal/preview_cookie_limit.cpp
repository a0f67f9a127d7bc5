#include "portal/preview_cookie_limit.hpp"

#include <algorithm>

#include "portal/preview_grant.hpp"
#include "portal/share_gate.hpp"

namespace es::portal {

std::vector<std::string> previews_to_retire(
    const std::vector<std::pair<std::string, std::string>>& held, const crypto::SecretBox& box,
    domain::Timestamp now) {
    std::vector<std::string> out;
    std::vector<std::pair<domain::Timestamp, std::string>> live;
    for (const auto& [name, value] : held) {
        const auto grant = PreviewGrant::open(box, ShareGate::kPreviewPurpose, value);
        if (grant && now < grant->expires_at) {
            live.emplace_back(grant->expires_at, name);
        } else {
            out.push_back(name);
        }
    }
    if (live.size() >= kMaxPreviewsPerBrowser) {
        // All previews live equally long, so the one that ends first was opened first.
        std::sort(live.begin(), live.end());
        const std::size_t surplus = live.size() - (kMaxPreviewsPerBrowser - 1);
        for (std::size_t i = 0; i < surplus; ++i) {
            out.push_back(live[i].second);
        }
    }
    return out;
}

}  // namespace es::portal
