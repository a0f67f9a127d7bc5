#include "plugins/plugin_loader.hpp"

#include <filesystem>
#include <vector>

#include <boost/dll/import.hpp>
#include <boost/dll/shared_library.hpp>
#include <boost/shared_ptr.hpp>

#include "log/error_text.hpp"
#include "log/host_log.hpp"
#include "plugins/host_service_table.hpp"

namespace host {

namespace fs = std::filesystem;

namespace {

// Every library ever loaded stays referenced here and is never released: unloading a plugin can
// leave its thread-local destructors or atexit handlers pointing at unmapped code.
std::vector<boost::shared_ptr<const dm_plugin_entry>>& resident_entries() {
    static auto* all = new std::vector<boost::shared_ptr<const dm_plugin_entry>>();
    return *all;
}
// Libraries that loaded but are no plugin ran their constructors too; they stay as well.
std::vector<boost::dll::shared_library>& resident_libraries() {
    static auto* all = new std::vector<boost::dll::shared_library>();
    return *all;
}

// Boost wraps dlerror() in its own prose; the dlerror part is what an operator needs.
std::string loader_reason(const std::string& what) {
    const std::string marker = "dlerror system message: ";
    auto start = what.find(marker);
    if (start == std::string::npos)
        return what;
    start += marker.size();
    auto end = what.rfind(')');
    std::string reason = what.substr(
        start, end == std::string::npos || end < start ? std::string::npos : end - start);
    // dlerror repeats the path; the log line names it already.
    auto colon = reason.find(": ");
    if (colon != std::string::npos && reason.compare(0, 1, "/") == 0)
        reason = reason.substr(colon + 2);
    return reason;
}

void refuse(const std::string& path, const std::string& reason) {
    HostLog::error("plugin " + path + " not loaded: " + reason);
}

}  // namespace

std::unique_ptr<LoadedPlugin> PluginLoader::load(const PluginConfig& config) {
    const std::string& path = config.path;
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        refuse(path, "the file does not exist");
        return nullptr;
    }
    if (!fs::is_regular_file(path, ec)) {
        refuse(path, "not a regular file");
        return nullptr;
    }
    boost::shared_ptr<const dm_plugin_entry> entry;
    try {
        boost::dll::shared_library probe(path, boost::dll::load_mode::rtld_now);
        if (!probe.has(DM_PLUGIN_ENTRY_SYMBOL)) {
            refuse(path, std::string("the library does not export the symbol '") +
                             DM_PLUGIN_ENTRY_SYMBOL + "'");
            resident_libraries().push_back(std::move(probe));
            return nullptr;
        }
        // Boost 1.74 names it import(); 1.76 renamed it import_symbol(). The returned pointer
        // holds a reference on the library.
        entry = boost::dll::import <const dm_plugin_entry>(probe, DM_PLUGIN_ENTRY_SYMBOL);
        resident_libraries().push_back(std::move(probe));
    } catch (const std::exception& e) {
        refuse(path, "not a loadable shared library (" + loader_reason(e.what()) + ")");
        return nullptr;
    }
    resident_entries().push_back(entry);

    std::string problem = dm::entry_problem(entry.get());
    if (!problem.empty()) {
        refuse(path, problem);
        return nullptr;
    }
    // A newer plugin is used as far as this host knows it; say so instead of ignoring it silently.
    if (std::string note = dm::entry_note(entry.get()); !note.empty()) {
        HostLog::warning("plugin " + path + ": " + note);
    }

    auto plugin = std::make_unique<LoadedPlugin>();
    plugin->path = path;
    plugin->id = entry->id;
    plugin->name = entry->name;
    plugin->vendor = entry->vendor ? entry->vendor : "";
    plugin->version = entry->version;
    plugin->slot = std::make_unique<PluginSlot>();
    HostServiceTable::attach(*plugin->slot, plugin->id, backend_, plugin->name);

    std::string data_dir = (fs::path(data_directory_) / "plugins" / plugin->id).string();
    fs::create_directories(data_dir, ec);
    dm_init_args args{sizeof(dm_init_args), &plugin->slot->host, dm::to_dm(config.config_path),
                      dm::to_dm(data_dir)};
    try {
        plugin->started = std::make_unique<dm::StartedPlugin>(entry.get(), args);
    } catch (const dm::Error& e) {
        refuse(path, "plugin '" + plugin->id + "' failed to start: " + e.what());
        return nullptr;
    } catch (const std::exception& e) {
        refuse(path, "plugin '" + plugin->id + "' failed to start: " + error_text(e));
        return nullptr;
    }
    HostLog::info("plugin " + plugin->id + " " + plugin->version + " (" + plugin->name +
                  ") loaded from " + path);
    return plugin;
}

}  // namespace host
