// Everything the portal's routes work with, built once by Portal and shared by all connection
// threads. Members are immutable or thread-safe themselves.
#pragma once

#include <string>

#include "config/settings.hpp"
#include "crypto/password_hasher.hpp"
#include "crypto/secret_box.hpp"
#include "host/host_adapter.hpp"
#include "net/transfer_slots.hpp"
#include "portal/access_recorder.hpp"
#include "portal/attempt_throttle.hpp"
#include "portal/case_policies.hpp"
#include "portal/case_view_loader.hpp"
#include "portal/csrf.hpp"
#include "portal/dead_link_throttle.hpp"
#include "portal/first_openings.hpp"
#include "portal/http/client_address.hpp"
#include "portal/http/cookie_jar.hpp"
#include "portal/licence_gate.hpp"
#include "portal/owner_alerts.hpp"
#include "portal/preview_editor.hpp"
#include "portal/readiness.hpp"
#include "portal/share_gate.hpp"
#include "store/store.hpp"

namespace es::portal {

// The collaborators the lead wires in; all must outlive the Portal.
struct PortalPorts {
    store::Store& store;
    const host::HostAdapter& host;
    const CasePolicies& policies;  // the module's one policy resolver
    LicenceGate& licence;
    const crypto::SecretBox& secret_box;
    crypto::PasswordHasher& password_hasher;  // bounded Argon2 pool
    PreviewEditor& preview_editor;
    OwnerAlerts& owner_alerts;      // first opened, failed tries
    FirstOpenings& first_openings;  // recorded in the case's journal
};

class PortalContext {
  public:
    PortalContext(const config::Settings& settings, PortalPorts ports);

    const config::Settings& settings;
    PortalPorts ports;
    const bool https;  // PortalSettings::recipients_use_https
    const http::CookieJar cookies;
    const http::ClientAddress client_address;
    const Csrf csrf;
    const CaseViewLoader case_views;
    ShareGate gate;
    AttemptThrottle throttle;
    AccessRecorder access;
    DeadLinkThrottle dead_links;
    Readiness readiness;           // GET /ready; the portal marks it draining when it stops
    net::TransferSlots transfers;  // downloads, zips and views at once (portal.max_transfers)

    // Errors the recipient must never see, for the host's log: no token, password or code.
    void log_error(const std::string& where, const std::string& share_ref,
                   const std::string& what) const;
};

}  // namespace es::portal
