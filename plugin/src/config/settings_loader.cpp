#include "config/settings_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "config/config_error.hpp"
#include "config/yaml_section.hpp"
#include "text/time_text.hpp"

namespace es::config {

namespace {

constexpr int kMaxDays = 3650;

std::string resolve(const std::string& base, const std::string& path) {
    if (path.empty() || std::filesystem::path(path).is_absolute() || base.empty()) {
        return path;
    }
    return (std::filesystem::path(base) / path).lexically_normal().string();
}

// "host:port", "host" (port 3306) or "[v6 address]:port".
std::optional<MysqlSettings::Server> parse_mysql_server(const std::string& entry) {
    MysqlSettings::Server out;
    std::string port;
    if (!entry.empty() && entry.front() == '[') {
        const auto close = entry.find(']');
        if (close == std::string::npos || close == 1) {
            return std::nullopt;
        }
        out.host = entry.substr(1, close - 1);
        if (close + 1 < entry.size()) {
            if (entry[close + 1] != ':') {
                return std::nullopt;
            }
            port = entry.substr(close + 2);
        }
    } else {
        const auto colon = entry.find(':');
        if (colon != entry.rfind(':')) {
            return std::nullopt;  // an IPv6 address without brackets
        }
        out.host = entry.substr(0, colon);
        if (colon != std::string::npos) {
            port = entry.substr(colon + 1);
        }
    }
    if (out.host.empty() || out.host.find_first_of(" /@") != std::string::npos) {
        return std::nullopt;
    }
    if (!port.empty() || entry.back() == ':') {
        if (port.empty() || port.size() > 5 ||
            port.find_first_not_of("0123456789") != std::string::npos) {
            return std::nullopt;
        }
        out.port = std::stoi(port);
        if (out.port < 1 || out.port > 65535) {
            return std::nullopt;
        }
    }
    return out;
}

StorageSettings read_storage(YamlSection s, const std::string& base) {
    StorageSettings out;
    out.backend =
        static_cast<StorageSettings::Backend>(s.choice("backend", {"sqlite", "mysql"}, 0));
    YamlSection sqlite = s.section("sqlite");
    out.sqlite_path = resolve(base, sqlite.text("path", out.sqlite_path));
    out.sqlite_busy_timeout_ms =
        sqlite.integer("busy_timeout_ms", out.sqlite_busy_timeout_ms, 0, 600000);
    sqlite.finish();
    YamlSection mysql = s.section("mysql");
    MysqlSettings& m = out.mysql;
    m.host = mysql.text("host", m.host);
    m.port = mysql.integer("port", m.port, 1, 65535);
    m.unix_socket = mysql.text("unix_socket", m.unix_socket);
    m.database = mysql.text("database", m.database);
    m.user = mysql.text("user", m.user);
    m.password_env = mysql.text("password_env", m.password_env);
    m.password_file = resolve(base, mysql.text("password_file", m.password_file));
    m.pool_size = mysql.integer("pool_size", m.pool_size, 1, 1024);
    m.connect_timeout_seconds =
        mysql.integer("connect_timeout_seconds", m.connect_timeout_seconds, 1, 600);
    m.failback_seconds = mysql.integer("failback_seconds", m.failback_seconds, 1, 3600);
    if (mysql.has("servers") && (mysql.has("host") || mysql.has("port"))) {
        mysql.fail("servers", "give host and port, or servers, not both");
    }
    if (mysql.has("servers") && !m.unix_socket.empty()) {
        mysql.fail("servers", "give unix_socket, or servers, not both");
    }
    for (const auto& entry : mysql.text_list("servers")) {
        const auto server = parse_mysql_server(entry);
        if (!server) {
            mysql.fail("servers", "'" + entry +
                                      "' is not host:port (a port 1..65535; an IPv6 address "
                                      "in brackets: [2001:db8::7]:3306)");
        }
        m.servers.push_back(*server);
    }
    if (mysql.has("servers") && m.servers.empty()) {
        mysql.fail("servers", "must list at least one server");
    }
    if (out.backend == StorageSettings::Backend::Mysql) {
        if (m.database.empty()) {
            mysql.fail("database", "must not be empty when storage.backend is mysql");
        }
        if (!m.password_env.empty() && !m.password_file.empty()) {
            mysql.fail("password_file", "give password_env or password_file, not both");
        }
#ifndef ES_WITH_MYSQL
        s.fail("backend", "mysql support was not built into this plugin (ES_WITH_MYSQL=OFF)");
#endif
    }
    mysql.finish();
    out.access_log_retention_days =
        s.integer("access_log_retention_days", out.access_log_retention_days, 1, kMaxDays);
    out.maintenance_interval_minutes =
        s.integer("maintenance_interval_minutes", out.maintenance_interval_minutes, 1, 24 * 60);
    out.user_agent_regexes_file =
        resolve(base, s.text("user_agent_regexes_file", out.user_agent_regexes_file));
    s.finish();
    return out;
}

CryptoSettings read_crypto(YamlSection s, const std::string& base) {
    CryptoSettings out;
    out.key_file = resolve(base, s.text("key_file", ""));
    out.key_env = s.text("key_env", "");
    out.create_missing_key_file = s.boolean("create_missing_key_file", false);
    if (out.create_missing_key_file && out.key_file.empty()) {
        s.fail("create_missing_key_file", "needs key_file");
    }
    if (out.key_file.empty() == out.key_env.empty()) {
        s.fail(out.key_file.empty() ? "key_file" : "key_env",
               "give exactly one of key_file and key_env (the sealing keys)");
    }
    YamlSection a = s.section("argon2");
    out.argon2.memory_kib = static_cast<std::uint32_t>(a.integer(
        "memory_kib", static_cast<int>(out.argon2.memory_kib), 8 * 1024, 4 * 1024 * 1024));
    out.argon2.iterations = static_cast<std::uint32_t>(
        a.integer("iterations", static_cast<int>(out.argon2.iterations), 1, 64));
    out.argon2.parallelism = static_cast<std::uint32_t>(
        a.integer("parallelism", static_cast<int>(out.argon2.parallelism), 1, 64));
    out.argon2.max_in_flight = a.integer("max_in_flight", out.argon2.max_in_flight, 0, 1024);
    a.finish();
    s.finish();
    return out;
}

GuessLimits read_guesses(YamlSection s) {
    GuessLimits out;
    out.free_per_address = s.integer("free_per_address", out.free_per_address, 1, 100);
    out.max_delay_seconds = s.integer("max_delay_seconds", out.max_delay_seconds, 2, 24 * 3600);
    out.window_minutes = s.integer("window_minutes", out.window_minutes, 1, 24 * 60);
    out.share_tries_per_window =
        s.integer("share_tries_per_window", out.share_tries_per_window, 1, 100000);
    if (out.share_tries_per_window < out.free_per_address) {
        s.fail("share_tries_per_window",
               "is lower than free_per_address: one address alone would reach it");
    }
    s.finish();
    return out;
}

PortalSettings read_portal(YamlSection s, const std::string& base) {
    PortalSettings out;
    out.enabled = s.boolean("enabled", out.enabled);
    out.listen_address = s.text("listen_address", out.listen_address);
    out.port = s.integer("port", out.port, 0, 65535);
    out.public_url = s.text("public_url", out.public_url);
    if (out.public_url.rfind("http://", 0) != 0 && out.public_url.rfind("https://", 0) != 0) {
        s.fail("public_url", "must start with http:// or https://");
    }
    if (out.public_url.back() == '/') {
        s.fail("public_url", "must not end with a slash");
    }
    YamlSection tls = s.section("tls");
    out.tls.certificate_file = resolve(base, tls.text("certificate_file", ""));
    out.tls.private_key_file = resolve(base, tls.text("private_key_file", ""));
    if (out.tls.certificate_file.empty() != out.tls.private_key_file.empty()) {
        tls.fail("private_key_file", "give both certificate_file and private_key_file, or neither");
    }
    tls.finish();
    out.trusted_proxies = s.text_list("trusted_proxies");
    out.max_threads = s.integer("max_threads", out.max_threads, 2, 4096);
    out.max_queued = s.integer("max_queued", out.max_queued, 1, 100000);
    out.keep_alive = s.boolean("keep_alive", out.keep_alive);
    out.keep_alive_timeout_seconds =
        s.integer("keep_alive_timeout_seconds", out.keep_alive_timeout_seconds, 1, 600);
    out.max_keep_alive_requests =
        s.integer("max_keep_alive_requests", out.max_keep_alive_requests, 1, 1000000);
    // Keys of the thread-per-connection portal: a configuration naming them expects a meaning
    // they no longer have, so it is stopped with the way forward.
    if (s.has("receive_timeout_seconds") || s.has("request_timeout_seconds")) {
        s.fail(s.has("receive_timeout_seconds") ? "receive_timeout_seconds"
                                                : "request_timeout_seconds",
               "is no longer used: requests are read on an event loop; set "
               "header_timeout_seconds and body_timeout_seconds instead");
    }
    out.header_timeout_seconds =
        s.integer("header_timeout_seconds", out.header_timeout_seconds, 1, 600);
    out.body_timeout_seconds = s.integer("body_timeout_seconds", out.body_timeout_seconds, 1, 600);
    out.max_connections = s.integer("max_connections", out.max_connections, 16, 1000000);
    out.max_connections_per_client =
        s.integer("max_connections_per_client", out.max_connections_per_client, 1, 100000);
    out.max_requests_in_progress_per_client = s.integer(
        "max_requests_in_progress_per_client", out.max_requests_in_progress_per_client, 1, 10000);
    out.max_transfers = s.integer("max_transfers", out.max_transfers, 0, 4096);
    if (out.max_transfers >= out.max_threads) {
        s.fail("max_transfers", "must be below max_threads (" + std::to_string(out.max_threads) +
                                    "), so that pages always find a worker; 0 means half of it");
    }
    out.retry_after_seconds = s.integer("retry_after_seconds", out.retry_after_seconds, 1, 3600);
    out.throttled_answer_delay_ms =
        s.integer("throttled_answer_delay_ms", out.throttled_answer_delay_ms, 0, 10000);
    out.send_timeout_seconds = s.integer("send_timeout_seconds", out.send_timeout_seconds, 1, 3600);
    out.drain_seconds = s.integer("drain_seconds", out.drain_seconds, 0, 3600);
    out.max_ranges = s.integer("max_ranges", out.max_ranges, 1, 100);
    out.session_idle_minutes =
        s.integer("session_idle_minutes", out.session_idle_minutes, 1, 24 * 60);
    out.guesses = read_guesses(s.section("guesses"));
    out.dead_link_burst = s.integer("dead_link_burst", out.dead_link_burst, 1, 100000);
    out.dead_links_per_minute =
        s.integer("dead_links_per_minute", out.dead_links_per_minute, 1, 1000000);
    out.access_log_failure = static_cast<PortalSettings::AccessLogFailure>(
        s.choice("access_log_failure", {"refuse", "serve"}, 0));
    s.finish();
    return out;
}

// Reads the keys of a policy on top of `base`, so a case type repeats only what differs.
PolicySettings read_policy(YamlSection& s, PolicySettings base) {
    PolicySettings p = base;
    p.enabled = s.boolean("enabled", p.enabled);
    p.direct_link_expiry_days =
        s.integer("direct_link_expiry_days", p.direct_link_expiry_days, 1, kMaxDays);
    p.email_link_expiry_hours =
        s.integer("email_link_expiry_hours", p.email_link_expiry_hours, 1, kMaxDays * 24);
    p.max_expiry_days = s.integer("max_expiry_days", p.max_expiry_days, 1, kMaxDays);
    p.require_password = s.boolean("require_password", p.require_password);
    p.require_code = s.boolean("require_code", p.require_code);
    p.force_email_codes = s.boolean("force_email_codes", p.force_email_codes);
    p.code_digits = s.integer("code_digits", p.code_digits, 5, 8);
    p.code_lifetime_minutes = s.integer("code_lifetime_minutes", p.code_lifetime_minutes, 1, 60);
    p.code_max_tries = s.integer("code_max_tries", p.code_max_tries, 1, 20);
    p.code_sends_per_hour = s.integer("code_sends_per_hour", p.code_sends_per_hour, 1, 100);
    const bool per_address_given = s.has("code_sends_per_address_per_hour");
    p.code_sends_per_address_per_hour =
        s.integer("code_sends_per_address_per_hour", p.code_sends_per_address_per_hour, 1, 99);
    p.password_min_length = s.integer("password_min_length", p.password_min_length, 8, 256);
    // NIST SP 800-63B: accept at least 64 characters and never truncate.
    p.password_max_length = s.integer("password_max_length", p.password_max_length, 64, 4096);
    p.expiry_reminder_days = s.integer("expiry_reminder_days", p.expiry_reminder_days, 0, 365);
    if (p.direct_link_expiry_days > p.max_expiry_days) {
        s.fail("direct_link_expiry_days",
               "is longer than max_expiry_days (" + std::to_string(p.max_expiry_days) + ")");
    }
    if (p.email_link_expiry_hours > p.max_expiry_days * 24) {
        s.fail("email_link_expiry_hours",
               "is longer than max_expiry_days (" + std::to_string(p.max_expiry_days) + " days)");
    }
    if (p.code_sends_per_address_per_hour >= p.code_sends_per_hour) {
        if (per_address_given && p.code_sends_per_hour > 1) {
            s.fail("code_sends_per_address_per_hour",
                   "must be lower than code_sends_per_hour (" +
                       std::to_string(p.code_sends_per_hour) +
                       "), or one address could use up the share's codes");
        }
        // A lowered share budget with the per-address default: the default yields.
        p.code_sends_per_address_per_hour = std::max(1, p.code_sends_per_hour - 1);
    }
    if (p.password_min_length > p.password_max_length) {
        s.fail("password_min_length", "is larger than password_max_length");
    }
    return p;
}

PolicyConfig read_policy_config(YamlSection s) {
    PolicyConfig out;
    out.defaults = read_policy(s, out.defaults);
    for (auto& [id, section] : s.named_sections("case_types")) {
        // The reminder job resolves its window per organisation (the store selects due shares in
        // one query, and the case type lives in the host): a per-case-type value would be ignored.
        if (section.has("expiry_reminder_days")) {
            section.fail("expiry_reminder_days",
                         "is set per organisation only (policy.expiry_reminder_days), not per "
                         "case type");
        }
        out.case_types[id] = read_policy(section, out.defaults);
        section.finish();
    }
    s.finish();
    return out;
}

NotifySettings read_notify(YamlSection s, const std::string& base) {
    NotifySettings out;
    out.mail = static_cast<NotifySettings::MailSender>(s.choice("mail", {"spool", "smtp"}, 0));
    out.sms = static_cast<NotifySettings::SmsSender>(s.choice("sms", {"spool", "http"}, 0));
    out.spool_directory = resolve(base, s.text("spool_directory", out.spool_directory));
    out.from_address = s.text("from_address", out.from_address);
    out.from_name = s.text("from_name", out.from_name);
    if (out.from_address.find('@') == std::string::npos ||
        out.from_address.find_first_of("\r\n<>\" ") != std::string::npos) {
        s.fail("from_address", "is not a plain e-mail address");
    }
    if (out.from_name.find_first_of("\r\n") != std::string::npos) {
        s.fail("from_name", "must not contain line breaks");
    }
    YamlSection smtp = s.section("smtp");
    SmtpSettings& m = out.smtp;
    m.host = smtp.text("host", m.host);
    m.port = smtp.integer("port", m.port, 1, 65535);
    m.security = static_cast<SmtpSettings::Security>(
        smtp.choice("security", {"none", "starttls", "tls"}, static_cast<int>(m.security)));
    m.auth = static_cast<SmtpSettings::Auth>(smtp.choice("auth", {"none", "plain", "login"}, 0));
    m.user = smtp.text("user", m.user);
    m.password_env = smtp.text("password_env", m.password_env);
    m.password_file = resolve(base, smtp.text("password_file", m.password_file));
    m.timeout_seconds = smtp.integer("timeout_seconds", m.timeout_seconds, 1, 600);
    m.tls_ca_file = resolve(base, smtp.text("tls_ca_file", m.tls_ca_file));
    if (out.mail == NotifySettings::MailSender::Smtp && m.auth != SmtpSettings::Auth::None &&
        m.password_env.empty() && m.password_file.empty()) {
        smtp.fail("auth", "needs password_env or password_file");
    }
    smtp.finish();
    YamlSection sms = s.section("sms_gateway");
    SmsGatewaySettings& g = out.sms_gateway;
    g.url = sms.text("url", g.url);
    g.method = sms.text("method", g.method);
    g.headers = sms.text_map("headers");
    g.content_type = sms.text("content_type", g.content_type);
    g.body_template = sms.text("body_template", g.body_template);
    g.auth_header = sms.text("auth_header", g.auth_header);
    g.auth_env = sms.text("auth_env", g.auth_env);
    g.success_statuses = sms.integer_list("success_statuses", g.success_statuses, 100, 599);
    g.timeout_seconds = sms.integer("timeout_seconds", g.timeout_seconds, 1, 600);
    if (out.sms == NotifySettings::SmsSender::Http) {
        if (g.url.rfind("http://", 0) != 0 && g.url.rfind("https://", 0) != 0) {
            sms.fail("url", "must be an http:// or https:// URL when notify.sms is http");
        }
        if (g.method != "POST" && g.method != "PUT") {
            sms.fail("method", "must be POST or PUT");
        }
        if (g.body_template.find("{to}") == std::string::npos ||
            g.body_template.find("{text}") == std::string::npos) {
            sms.fail("body_template", "must contain {to} and {text}");
        }
    }
    sms.finish();
    out.max_attempts = s.integer("max_attempts", out.max_attempts, 1, 100);
    out.backoff_initial_seconds =
        s.integer("backoff_initial_seconds", out.backoff_initial_seconds, 1, 3600);
    out.backoff_max_seconds = s.integer("backoff_max_seconds", out.backoff_max_seconds, 1, 86400);
    out.templates_directory = resolve(base, s.text("templates_directory", ""));
    s.finish();
    return out;
}

LicensingSettings read_licensing(YamlSection s, const std::string& base) {
    LicensingSettings out;
    for (auto& key : s.section_list("vendor_keys")) {
        VendorKey v;
        v.key_id = key.text("key_id", "");
        v.public_key_file = resolve(base, key.text("public_key_file", ""));
        if (v.key_id.empty()) {
            key.fail("key_id", "must not be empty");
        }
        if (v.public_key_file.empty()) {
            key.fail("public_key_file", "must not be empty");
        }
        key.finish();
        out.vendor_keys.push_back(v);
    }
    out.trial_days = s.integer("trial_days", out.trial_days, 1, 365);
    out.seat_grace_days = s.integer("seat_grace_days", out.seat_grace_days, 0, 365);
    s.finish();
    return out;
}

std::string read_time_zone(YamlSection& s, const std::string& fallback) {
    std::string zone = s.text("time_zone", fallback);
    if (!text::is_time_zone(zone)) {
        s.fail("time_zone", "unknown time zone \"" + zone +
                                "\" (an IANA name such as Europe/Zurich, Europe/Berlin, UTC)");
    }
    return zone;
}

OrganisationSettings read_organisation(YamlSection s) {
    OrganisationSettings out;
    out.time_zone = read_time_zone(s, out.time_zone);
    for (auto& [id, organisation] : s.named_sections("overrides")) {
        out.time_zones[id] = read_time_zone(organisation, out.time_zone);
        organisation.finish();
    }
    s.finish();
    return out;
}

}  // namespace

Settings parse_settings(const std::string& yaml_text, const std::string& file_name,
                        const std::string& base_directory) {
    YAML::Node root;
    try {
        root = YAML::Load(yaml_text);
    } catch (const YAML::Exception& e) {
        throw ConfigError(file_name, "", e.mark.line + 1, "not valid YAML: " + e.msg);
    }
    Settings out;
    out.source_file = file_name;
    YamlSection top(root, "", file_name);
    out.storage = read_storage(top.section("storage"), base_directory);
    out.crypto = read_crypto(top.section("crypto"), base_directory);
    out.portal = read_portal(top.section("portal"), base_directory);
    out.policy = read_policy_config(top.section("policy"));
    out.notify = read_notify(top.section("notify"), base_directory);
    out.licensing = read_licensing(top.section("licensing"), base_directory);
    out.organisation = read_organisation(top.section("organisation"));
    top.finish();
    return out;
}

Settings load_settings(const std::string& path, const std::string& base_directory) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw ConfigError(path, "", 0, "cannot read the file");
    }
    std::ostringstream text;
    text << in.rdbuf();
    std::string base = base_directory;
    if (base.empty()) {
        base = std::filesystem::absolute(path).parent_path().string();
    }
    return parse_settings(text.str(), path, base);
}

}  // namespace es::config
