#include "portal/portal_context.hpp"

namespace es::portal {
namespace {

// Within a load balancer's usual health-check timeout (nginx Plus and HAProxy default to a few
// seconds), so that the balancer hears "not ready" rather than nothing.
constexpr std::chrono::milliseconds kReadinessWait{1500};

}  // namespace

PortalContext::PortalContext(const config::Settings& settings_, PortalPorts ports_)
    : settings(settings_),
      ports(ports_),
      https(settings_.portal.recipients_use_https()),
      cookies(https),
      client_address(settings_.portal.trusted_proxies),
      csrf(cookies),
      case_views(ports_.host),
      gate(ports_.store, ports_.licence, ports_.secret_box, cookies,
           std::chrono::minutes(settings_.portal.session_idle_minutes)),
      throttle(ports_.store.throttle(), settings_.portal.guesses),
      access(ports_.store.access_log(), ports_.host, settings_.portal.access_log_failure),
      dead_links(settings_.portal.dead_link_burst, settings_.portal.dead_links_per_minute),
      readiness([&store = ports_.store] { store.schema_version(); }, kReadinessWait),
      transfers(settings_.portal.transfer_limit()) {}

void PortalContext::log_error(const std::string& where, const std::string& share_ref,
                              const std::string& what) const {
    ports.host.log(
        host::LogLevel::Warning,
        "portal " + where + (share_ref.empty() ? "" : " share#" + share_ref) + ": " + what);
}

}  // namespace es::portal
