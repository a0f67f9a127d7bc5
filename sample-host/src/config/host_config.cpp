#include "config/host_config.hpp"

#include <filesystem>
#include <set>

#include <yaml-cpp/yaml.h>

namespace host {

namespace {

namespace fs = std::filesystem;

class Reader {
  public:
    Reader(std::string file, fs::path base) : file_(std::move(file)), base_(std::move(base)) {}

    [[noreturn]] void fail(const YAML::Node& node, const std::string& what) const {
        throw ConfigError(file_ + ":" + std::to_string(node.Mark().line + 1) + ": " + what);
    }

    // Every key of `map` must be one of `known`; the first stranger is an error.
    void only_keys(const YAML::Node& map, const std::string& section,
                   const std::set<std::string>& known) const {
        if (!map.IsMap()) {
            fail(map, "'" + section + "' must be a mapping");
        }
        for (const auto& kv : map) {
            auto key = kv.first.as<std::string>();
            if (!known.count(key)) {
                std::string full = section.empty() ? key : section + "." + key;
                fail(kv.first, "unknown key '" + full + "'");
            }
        }
    }

    template <typename T>
    T get(const YAML::Node& node, const std::string& key) const {
        try {
            return node.as<T>();
        } catch (const YAML::Exception&) {
            fail(node, "bad value for '" + key + "'");
        }
    }

    std::string path(const YAML::Node& node, const std::string& key) const {
        auto text = get<std::string>(node, key);
        if (text.empty()) {
            return {};
        }
        fs::path p(text);
        return (p.is_absolute() ? p : (base_ / p)).lexically_normal().string();
    }

  private:
    std::string file_;
    fs::path base_;
};

}  // namespace

HostConfig HostConfig::load(const std::string& file) {
    YAML::Node root;
    try {
        root = YAML::LoadFile(file);
    } catch (const YAML::BadFile&) {
        throw ConfigError(file + ": cannot read the file");
    } catch (const YAML::ParserException& e) {
        throw ConfigError(file + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    fs::path base = fs::absolute(file).parent_path();
    Reader r(file, base);
    HostConfig c;
    if (!root || root.IsNull()) {
        throw ConfigError(file + ": the file is empty");
    }
    r.only_keys(
        root, "",
        {"listen", "public_url", "data_directory", "database", "web_root", "spool_directory",
         "demo_data", "plugins", "http_threads", "connections", "attachments"});
    if (auto listen = root["listen"]) {
        r.only_keys(listen, "listen", {"address", "port"});
        if (listen["address"])
            c.listen_address = r.get<std::string>(listen["address"], "listen.address");
        if (listen["port"]) {
            c.port = r.get<int>(listen["port"], "listen.port");
            if (c.port < 0 || c.port > 65535)
                r.fail(listen["port"], "listen.port out of range");
        }
    }
    if (root["public_url"])
        c.public_url = r.get<std::string>(root["public_url"], "public_url");
    if (!root["data_directory"]) {
        r.fail(root, "missing key 'data_directory'");
    }
    c.data_directory = r.path(root["data_directory"], "data_directory");
    c.database_path = root["database"] ? r.path(root["database"], "database")
                                       : (fs::path(c.data_directory) / "host.db").string();
    c.web_root = root["web_root"] ? r.path(root["web_root"], "web_root") : DM_SAMPLE_HOST_WEB_DIR;
    if (root["spool_directory"])
        c.spool_directory = r.path(root["spool_directory"], "spool_directory");
    if (root["http_threads"]) {
        c.http_threads = r.get<int>(root["http_threads"], "http_threads");
        if (c.http_threads < 1)
            r.fail(root["http_threads"], "http_threads must be at least 1");
    }
    if (auto conn = root["connections"]) {
        r.only_keys(conn, "connections",
                    {"max_connections", "max_connections_per_client", "header_timeout_seconds",
                     "body_timeout_seconds", "keep_alive_timeout_seconds", "drain_seconds"});
        auto positive = [&](const char* key, int& into) {
            if (!conn[key])
                return;
            const std::string full = std::string("connections.") + key;
            into = r.get<int>(conn[key], full);
            if (into < 1)
                r.fail(conn[key], full + " must be at least 1");
        };
        positive("max_connections", c.connections.max_connections);
        positive("max_connections_per_client", c.connections.max_connections_per_client);
        positive("header_timeout_seconds", c.connections.header_timeout_seconds);
        positive("body_timeout_seconds", c.connections.body_timeout_seconds);
        positive("keep_alive_timeout_seconds", c.connections.keep_alive_timeout_seconds);
        if (conn["drain_seconds"]) {
            c.connections.drain_seconds =
                r.get<int>(conn["drain_seconds"], "connections.drain_seconds");
            if (c.connections.drain_seconds < 0 || c.connections.drain_seconds > 3600)
                r.fail(conn["drain_seconds"], "connections.drain_seconds must be 0 to 3600");
        }
    }
    if (auto attachments = root["attachments"]) {
        r.only_keys(attachments, "attachments",
                    {"max_upload_bytes", "max_uploads_at_once", "max_downloads_at_once",
                     "min_upload_bytes_per_second"});
        if (auto n = attachments["max_downloads_at_once"]) {
            c.attachments.max_downloads_at_once =
                r.get<int>(n, "attachments.max_downloads_at_once");
            if (c.attachments.max_downloads_at_once < 1)
                r.fail(n, "attachments.max_downloads_at_once must be at least 1");
        }
        if (auto n = attachments["max_uploads_at_once"]) {
            c.attachments.max_uploads_at_once = r.get<int>(n, "attachments.max_uploads_at_once");
            if (c.attachments.max_uploads_at_once < 1)
                r.fail(n, "attachments.max_uploads_at_once must be at least 1");
        }
        if (auto rate = attachments["min_upload_bytes_per_second"]) {
            c.attachments.min_upload_bytes_per_second =
                r.get<int>(rate, "attachments.min_upload_bytes_per_second");
            if (c.attachments.min_upload_bytes_per_second < 0)
                r.fail(rate, "attachments.min_upload_bytes_per_second must be 0 or more");
        }
        if (auto max = attachments["max_upload_bytes"]) {
            c.attachments.max_upload_bytes =
                r.get<std::int64_t>(max, "attachments.max_upload_bytes");
            if (c.attachments.max_upload_bytes < 1)
                r.fail(max, "attachments.max_upload_bytes must be at least 1");
        }
    }
    if (auto demo = root["demo_data"]) {
        r.only_keys(demo, "demo_data", {"enabled", "big_attachment", "cases_per_organisation"});
        if (demo["enabled"])
            c.demo_data = r.get<bool>(demo["enabled"], "demo_data.enabled");
        if (demo["big_attachment"])
            c.big_attachment = r.get<bool>(demo["big_attachment"], "demo_data.big_attachment");
        if (demo["cases_per_organisation"]) {
            c.cases_per_organisation =
                r.get<int>(demo["cases_per_organisation"], "demo_data.cases_per_organisation");
            if (c.cases_per_organisation < 1)
                r.fail(demo["cases_per_organisation"], "cases_per_organisation must be positive");
        }
    }
    if (auto plugins = root["plugins"]) {
        if (!plugins.IsSequence() && !plugins.IsNull())
            r.fail(plugins, "'plugins' must be a list");
        for (const auto& p : plugins) {
            r.only_keys(p, "plugins[]", {"path", "config"});
            if (!p["path"])
                r.fail(p, "plugin entry without 'path'");
            PluginConfig pc;
            pc.path = r.path(p["path"], "plugins[].path");
            if (p["config"])
                pc.config_path = r.path(p["config"], "plugins[].config");
            c.plugins.push_back(pc);
        }
    }
    return c;
}

}  // namespace host
