// GET/HEAD /s/{token}/files/{id}: one attachment, with Range/If-Range, ETag and Last-Modified,
// sent with sendfile(2) after the head. An id that is not visible answers like a dead link.
#pragma once

#include <string>

#include "portal/exchange.hpp"
#include "portal/portal_context.hpp"
#include "portal/share_access.hpp"

namespace es::portal::routes {

class FileRoute {
  public:
    explicit FileRoute(PortalContext& ctx) : ctx_(ctx) {}
    void handle(Exchange& ex, const ShareAccess& access, const std::string& attachment_id);

  private:
    PortalContext& ctx_;
};

}  // namespace es::portal::routes
