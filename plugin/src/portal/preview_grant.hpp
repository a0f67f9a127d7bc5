// What a preview ticket or preview cookie carries: which share, whose preview, until when, and for
// a preview cookie which preview (the id in its URL, /preview/{id}).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "crypto/secret_box.hpp"
#include "domain/timestamp.hpp"

namespace es::portal {

struct PreviewGrant {
    std::string organisation_id;
    std::string share_id;
    std::string user_id;
    domain::Timestamp expires_at;
    // A preview cookie's own preview: the cookie opens only the preview whose URL names this id,
    // so a grant moved under another preview's cookie name opens nothing. Empty otherwise.
    std::string preview_id;

    // Sealed with AES-256-GCM under `purpose` (associated data), then base64url: opaque,
    // tamper-proof and URL-safe. A grant sealed for one purpose never opens as another.
    std::string seal(const crypto::SecretBox& box, const std::string& purpose) const;
    static std::optional<PreviewGrant> open(const crypto::SecretBox& box,
                                            const std::string& purpose, const std::string& text);
};

}  // namespace es::portal
