// A request's standing towards one share, established anew for every request: the share as the
// database holds it now, whether the visitor is the recipient (by token) or the owner (preview),
// and which checks this browser's session has passed.
#pragma once

#include <optional>
#include <string>

#include "domain/actor.hpp"
#include "domain/portal_session.hpp"
#include "domain/selection.hpp"
#include "domain/share.hpp"

namespace es::portal {

struct ShareAccess {
    domain::Share share;
    bool preview = false;
    std::string token_hash;      // recipient access only
    std::string base_path;       // "/s/<token>" or "/preview/<preview id>"
    std::string csrf_subject;    // what this share's CSRF tokens are bound to
    std::string session_cookie;  // the cookie name of this share's recipient session
    std::optional<domain::PortalSession> session;
    // What the recipient may see, read together with the share and the session.
    domain::Selection selection;
    // For page headers and messages: the organisation setting "display_name", else its id.
    std::string organisation_name;
    domain::Actor owner;  // preview only: the owner who opened it
    // The link itself (not the preview) opened in a browser of the share's organisation (the
    // owner mark, ShareGate): logged as the owner's visit ("owner_view" …), never as the
    // recipient's, and no "first opened" journal entry or alert. Grants nothing more.
    bool owner_visit = false;

    std::string log_ref() const { return token_hash.substr(0, 8); }

    bool password_passed() const {
        return preview || !domain::needs_password(share.protection) ||
               (session && session->password_passed);
    }
    bool code_passed() const {
        return preview || !domain::needs_code(share.protection) ||
               (session && session->code_passed);
    }
    bool authenticated() const { return password_passed() && code_passed(); }
};

}  // namespace es::portal
