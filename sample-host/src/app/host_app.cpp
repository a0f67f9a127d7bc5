#include "app/host_app.hpp"

#include <filesystem>

#include "demo/demo_data.hpp"
#include "log/host_log.hpp"

namespace host {

HostApp::HostApp(HostConfig config) {
    std::filesystem::create_directories(config.data_directory);
    dm_ = std::make_unique<DossierManager>(std::move(config));
    const auto& c = dm_->config;
    if (c.demo_data) {
        DemoOptions options;
        options.data_directory = c.data_directory;
        options.cases_per_organisation = c.cases_per_organisation;
        options.big_attachment = c.big_attachment;
        DemoData::ensure(dm_->db, options);
    }
    PluginLoader loader(dm_->backend, c.data_directory);
    dm_->plugins.load_all(loader, c.plugins);
    server_ = std::make_unique<HostServer>(*dm_);
}

HostApp::~HostApp() {
    stop();
}

void HostApp::start() {
    server_->start();
}

void HostApp::stop() {
    if (server_) {
        server_->stop();  // no request may reach a plugin once it is stopping
    }
    if (dm_) {
        dm_->plugins.shutdown();
    }
}

std::string HostApp::url() const {
    if (!dm_->config.public_url.empty())
        return dm_->config.public_url;
    std::string address = dm_->config.listen_address;
    if (address == "0.0.0.0")
        address = "localhost";
    return "http://" + address + ":" + std::to_string(port()) + "/";
}

}  // namespace host
