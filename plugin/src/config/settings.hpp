// The plugin's configuration as typed, validated values. Loaded once at init by SettingsLoader;
// immutable afterwards, so every thread may read it without locking.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/policy_values.hpp"

namespace es::config {

struct MysqlSettings {
    std::string host = "127.0.0.1";
    int port = 3306;
    std::string unix_socket;  // used instead of host/port when set
    std::string database = "external_sharing";
    std::string user = "external_sharing";
    std::string password_env;   // name of an environment variable holding the password
    std::string password_file;  // or a file holding it (first line)
    int pool_size = 8;
    int connect_timeout_seconds = 5;
    // Several servers (a Galera cluster's nodes) in order of preference; empty: host and port.
    // Connections go to the first one that answers and, on Galera, is ready and Synced; so every
    // instance listing them in one order writes to one node (docs/storage.md).
    struct Server {
        std::string host;
        int port = 3306;
    };
    std::vector<Server> servers;
    // How long a connection to a server other than the first may live, and how long a server
    // that failed is tried only after the others: the pool returns to the first when it is back.
    int failback_seconds = 30;
};

struct StorageSettings {
    enum class Backend { Sqlite, Mysql };
    Backend backend = Backend::Sqlite;
    std::string sqlite_path = "external-sharing.db";
    int sqlite_busy_timeout_ms = 5000;
    MysqlSettings mysql;
    int access_log_retention_days = 365;
    // How often the maintenance job purges past-retention rows and refreshes summaries.
    int maintenance_interval_minutes = 60;
    // uap-core's rules that name the access log's browsers (Debian package uap-core); when the
    // file cannot be read the log shows the User-Agent strings themselves.
    std::string user_agent_regexes_file = "/usr/share/uap-core/regexes.yaml";
};

struct Argon2Settings {
    std::uint32_t memory_kib = 19 * 1024;  // OWASP's minimum for Argon2id: m=19 MiB, t=2, p=1
    std::uint32_t iterations = 2;
    std::uint32_t parallelism = 1;
    int max_in_flight = 0;  // hashes computed at once; 0 = the usable cores (net/usable_cores)
};

struct CryptoSettings {
    // Sealing keys (AES-256-GCM) as lines "key-id:base64(32 bytes)"; the first line seals, every
    // line opens, so keys can be rotated. Exactly one of the two sources is set.
    std::string key_file;
    std::string key_env;
    // Development only: create key_file with a fresh key when it is missing. A production key
    // must be made and backed up by an administrator: a lost key makes every link unusable.
    bool create_missing_key_file = false;
    Argon2Settings argon2;
};

struct TlsSettings {
    std::string certificate_file;  // both empty: plain HTTP (behind a TLS-terminating proxy)
    std::string private_key_file;
    bool enabled() const { return !certificate_file.empty(); }
};

// Password and code guesses on the portal (portal/attempt_throttle.hpp; the reasoning behind the
// defaults is in docs/security.md, "Throttling without lockout").
struct GuessLimits {
    int free_per_address = 5;         // tries of one address before its delays start
    int max_delay_seconds = 15 * 60;  // the doubling delay (2 s, 4 s, ...) stops growing here
    int window_minutes = 60;          // an address's and a share's counts restart after this
    // Tries on one share from all addresses within its window; beyond them, an address that
    // tries waits until the share's window restarts unless its try was right.
    int share_tries_per_window = 30;
};

struct PortalSettings {
    bool enabled = true;
    std::string listen_address = "127.0.0.1";
    int port = 8091;
    std::string public_url = "http://127.0.0.1:8091";  // what links start with; no trailing slash
    TlsSettings tls;
    std::vector<std::string>
        trusted_proxies;  // addresses or CIDR ranges allowed to set X-Forwarded-For

    // Whether recipients' browsers reach the portal over HTTPS: its own TLS listener, or a
    // TLS-terminating proxy in front (public_url says https). Then cookies are Secure with the
    // __Host- prefix and HSTS is sent, also when the proxy speaks plain HTTP to the portal; the
    // browser, which sees https, is what those headers are for.
    bool recipients_use_https() const {
        return tls.enabled() || public_url.rfind("https://", 0) == 0;
    }
    // Requests are read on an event loop; these threads only serve complete requests and
    // downloads.
    int max_threads = 64;
    int max_queued = 2000;  // complete requests waiting for a thread
    bool keep_alive = true;
    int keep_alive_timeout_seconds = 15;
    int max_keep_alive_requests = 1000;
    int header_timeout_seconds = 10;  // a request's whole head (slowloris), from its first byte
    int body_timeout_seconds = 10;    // a request's body, from the end of its head
    int send_timeout_seconds = 60;    // each write of an answer (a client that stopped reading)
    // On stop, requests in progress (downloads included) may finish for this long; then they are
    // cut. New connections are refused from the stop on (docs/deployment.md).
    int drain_seconds = 20;
    int max_connections = 4096;
    int max_connections_per_client = 32;  // an IPv4 address or an IPv6 /64
    int max_requests_in_progress_per_client = 8;
    // Downloads, zips and inline views of all clients at once (net/transfer_slots.hpp): each holds
    // a worker for as long as its client reads, so they may fill only part of the workers and the
    // pages always find one. Over it: 503 + Retry-After. 0: half of max_threads.
    int max_transfers = 0;
    int transfer_limit() const { return max_transfers > 0 ? max_transfers : max_threads / 2; }
    int retry_after_seconds = 5;           // told to clients refused for being over a limit
    int throttled_answer_delay_ms = 1000;  // pause before a 429 to a throttled client
    int max_ranges = 8;
    int session_idle_minutes = 60;
    GuessLimits guesses;
    // Per client (IPv4 address, IPv6 /64): dead-link answers allowed at once, and how fast that
    // allowance comes back; beyond it the client gets 429 for every link (DeadLinkThrottle).
    int dead_link_burst = 20;
    int dead_links_per_minute = 60;
    // What a request gets when its access-log entry cannot be written: Refuse answers 503 and
    // serves nothing unlogged (the owner's log must be complete); Serve goes on and only reports
    // the failure to the host's log.
    enum class AccessLogFailure { Refuse, Serve };
    AccessLogFailure access_log_failure = AccessLogFailure::Refuse;
};

// The policy's values belong to the domain (domain/policy_values.hpp); config reads them.
using PolicySettings = domain::PolicySettings;
using PolicyConfig = domain::PolicyConfig;

struct SmtpSettings {
    std::string host = "127.0.0.1";
    int port = 25;
    enum class Security { None, StartTls, Tls };
    Security security = Security::StartTls;
    enum class Auth { None, Plain, Login };
    Auth auth = Auth::None;
    std::string user;
    std::string password_env;
    std::string password_file;
    int timeout_seconds = 30;
    std::string tls_ca_file;  // PEM CA bundle trusted besides the system's (a private CA)
};

struct SmsGatewaySettings {
    std::string url;
    std::string method = "POST";
    std::map<std::string, std::string> headers;
    std::string content_type = "application/json";
    // Placeholders {to} and {text}, substituted already escaped for the content type.
    std::string body_template = R"({"to":{to},"text":{text}})";
    std::string auth_header = "Authorization";
    std::string auth_env;  // environment variable holding the header's value
    std::vector<int> success_statuses = {200, 201, 202};
    int timeout_seconds = 10;
};

struct NotifySettings {
    enum class MailSender { Spool, Smtp };
    enum class SmsSender { Spool, Http };
    MailSender mail = MailSender::Spool;
    SmsSender sms = SmsSender::Spool;
    std::string spool_directory = "spool";  // <spool>/mail/*.eml, <spool>/sms/*.json
    std::string from_address = "no-reply@example.org";
    std::string from_name = "External Sharing";
    SmtpSettings smtp;
    SmsGatewaySettings sms_gateway;
    int max_attempts = 8;
    int backoff_initial_seconds = 5;
    int backoff_max_seconds = 3600;
    std::string templates_directory;  // organisation overrides; empty = built-in templates only
};

struct VendorKey {
    std::string key_id;
    std::string public_key_file;  // PEM
};

struct LicensingSettings {
    std::vector<VendorKey> vendor_keys;
    int trial_days = 30;
    int seat_grace_days = 14;
};

// What is set per organisation in the configuration rather than in the database. Times shown to
// people run on the organisation's clock (text/time_text.hpp); every zone is checked at start-up.
struct OrganisationSettings {
    std::string time_zone = "Europe/Zurich";        // an IANA time-zone name
    std::map<std::string, std::string> time_zones;  // organisation id → its zone, where it differs
    // The zone an organisation admin chose on the admin page (kept in the database), asked first;
    // nothing when none was chosen. Set once at start-up (store/organisation_time_zone.hpp), before
    // the services copy these settings, so every place that formats a time follows the choice.
    std::function<std::optional<std::string>(const std::string& organisation_id)> chosen_zone;
    // Called after the admin changed an organisation's choice, so that this process shows the new
    // zone at once (chosen_zone may remember what it read for a few seconds).
    std::function<void(const std::string& organisation_id)> forget_chosen_zone;

    // The configured zone of an organisation, without the admin's choice: its default.
    const std::string& configured_zone_of(const std::string& organisation_id) const {
        auto it = time_zones.find(organisation_id);
        return it == time_zones.end() ? time_zone : it->second;
    }
    std::string time_zone_of(const std::string& organisation_id) const {
        if (chosen_zone) {
            if (auto chosen = chosen_zone(organisation_id)) {
                return *chosen;
            }
        }
        return configured_zone_of(organisation_id);
    }
};

struct Settings {
    std::string source_file;  // the YAML file these came from, for messages
    StorageSettings storage;
    CryptoSettings crypto;
    PortalSettings portal;
    PolicyConfig policy;
    NotifySettings notify;
    LicensingSettings licensing;
    OrganisationSettings organisation;
};

}  // namespace es::config
