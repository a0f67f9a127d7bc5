// The host's typed configuration, read from YAML. Relative paths are resolved against the folder
// of the configuration file, so a config works from whatever directory the host is started in.
#pragma once

#include <algorithm>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace host {

// A configuration that cannot be used; the message names the file, the line and the key.
class ConfigError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct PluginConfig {
    std::string path;         // the shared library
    std::string config_path;  // handed to the plugin's init; may be empty
};

// What one client (an IPv4 address or an IPv6 /64) and all clients together may hold open; the
// front door reads requests on an event loop, so these bound memory and descriptors, not threads.
struct ConnectionConfig {
    int max_connections = 1024;
    int max_connections_per_client = 32;
    int header_timeout_seconds = 10;
    int body_timeout_seconds = 30;
    int keep_alive_timeout_seconds = 15;
    // On stop, requests in progress may finish for this long before they are cut; new connections
    // are refused from the stop on (a load balancer moves them to another instance).
    int drain_seconds = 20;
};

// Files caseworkers add to cases through the UI (POST /api/cases/{id}/attachments).
struct AttachmentConfig {
    // The largest file one upload may carry; a larger one is refused with 413 and leaves nothing.
    std::int64_t max_upload_bytes = std::int64_t{100} << 20;
    // Uploads in progress at once, all users together. An upload holds an HTTP thread while its
    // file arrives; this keeps the rest of the threads for everything else. Over it: 503 +
    // Retry-After. 0: a quarter of http_threads (at least 1).
    int max_uploads_at_once = 0;
    // Downloads in progress at once, all users together. A download holds an HTTP thread for as
    // long as its client takes to read it; this keeps the rest for everything else (a few slow
    // readers would otherwise hold every thread). Over it: 503 + Retry-After. 0: half of
    // http_threads (at least 1).
    int max_downloads_at_once = 0;
    int download_limit(int http_threads) const {
        return max_downloads_at_once > 0 ? max_downloads_at_once : std::max(1, http_threads / 2);
    }
    // An upload slower than this on average (checked once body_timeout_seconds have passed) is
    // ended as incomplete, so a trickling client cannot hold a thread for hours.
    int min_upload_bytes_per_second = 1024;
};

struct HostConfig {
    std::string listen_address = "127.0.0.1";
    int port = 8080;         // 0 picks a free port
    std::string public_url;  // printed at start; derived from address and port when empty
    std::string data_directory;
    std::string database_path;    // default: <data_directory>/host.db
    std::string web_root;         // default: the sample-host/web folder of the source tree
    std::string spool_directory;  // enables the dev mailbox when set
    bool demo_data = true;
    bool big_attachment = false;
    int cases_per_organisation = 600;
    int http_threads = 16;
    ConnectionConfig connections;
    AttachmentConfig attachments;
    std::vector<PluginConfig> plugins;

    // Throws ConfigError for a missing file, a YAML error, an unknown key or a bad value.
    static HostConfig load(const std::string& path);
};

}  // namespace host
