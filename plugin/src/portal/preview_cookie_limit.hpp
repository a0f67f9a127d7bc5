// How many previews one browser keeps at once.
//
// Every preview is a cookie of its own (about 300 bytes, for 30 minutes), so that previews of
// several links stand side by side. A browser that opened very many in half an hour would soon send
// more header than the portal reads (net::FrontLimits::max_head_bytes, 431) and could open no page
// of the portal at all. So when a preview is opened, the browser keeps at most
// kMaxPreviewsPerBrowser: expired and unreadable preview cookies go first, then the oldest.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "crypto/secret_box.hpp"
#include "domain/timestamp.hpp"

namespace es::portal {

inline constexpr std::size_t kMaxPreviewsPerBrowser = 20;

// Of the preview cookies a browser sent (name, sealed grant), the names to remove before one more
// is set.
std::vector<std::string> previews_to_retire(
    const std::vector<std::pair<std::string, std::string>>& held, const crypto::SecretBox& box,
    domain::Timestamp now);

}  // namespace es::portal
