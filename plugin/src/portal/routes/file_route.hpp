// GET/HEAD /s/{token}/files/{id}: one attachment, with Range/If-Range, ETag and Last-Modified,
// sent with sendfile(2) after the head. An id that is not visible answers like a dead link.
//
// GET/HEAD /s/{token}/view/{id}: the same file shown in the browser, when its served type is on
// the inline list (http/inline_view.hpp): `inline`, the file's own sandboxing CSP, logged as
// "view". Every check of the download applies unchanged (one code path): session, visibility,
// the download limit (a view delivers the whole file, which the browser's viewer can save, so it
// is paid exactly like a download of the same file). A file not on the list is a download there.
#pragma once

#include <string>

#include "portal/exchange.hpp"
#include "portal/portal_context.hpp"
#include "portal/share_access.hpp"

namespace es::portal::routes {

class FileRoute {
  public:
    enum class Presentation { Download, View };

    explicit FileRoute(PortalContext& ctx) : ctx_(ctx) {}
    void handle(Exchange& ex, const ShareAccess& access, const std::string& attachment_id,
                Presentation how);

  private:
    PortalContext& ctx_;
};

}  // namespace es::portal::routes
