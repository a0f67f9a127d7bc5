#include "module_harness.hpp"

#include <arpa/inet.h>
#include <dlfcn.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>

namespace es::test {

namespace fs = std::filesystem;

const struct dm_plugin_entry* load_entry() {
    void* library = dlopen(ES_PLUGIN_FILE, RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
        throw std::runtime_error(dlerror());
    }
    return static_cast<const struct dm_plugin_entry*>(dlsym(library, DM_PLUGIN_ENTRY_SYMBOL));
}

ModuleHarness::ModuleHarness(const std::string& name, CountingHost::Abi abi,
                             const std::string& locale, bool trial) {
    dir_ = fs::temp_directory_path() / ("es-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    port_ = free_port();
    std::ofstream(dir_ / "es.yaml") << "storage:\n  sqlite:\n    path: es.db\n"
                                       "crypto:\n  key_file: keys\n"
                                       "  create_missing_key_file: true\n"
                                       "  argon2:\n    memory_kib: 8192\n    iterations: 1\n"
                                       "portal:\n  enabled: true\n  listen_address: 127.0.0.1\n"
                                       "  port: "
                                    << port_ << "\n  public_url: http://127.0.0.1:" << port_
                                    << "\nnotify:\n  spool_directory: spool\n";
    inner_ = std::make_unique<dm_check::FakeHost>(dir_.string());
    counting_ = std::make_unique<CountingHost>(inner_->host(), abi);
    config_ = (dir_ / "es.yaml").string();
    data_ = dir_.string();
    dm_init_args args{sizeof(dm_init_args), counting_->host(), dm::to_dm(config_),
                      dm::to_dm(data_)};
    plugin_ = std::make_unique<dm::StartedPlugin>(load_entry(), args);
    ctx_.organisation_id = dm_check::kOrganisation;
    ctx_.user_id = dm_check::kUser;
    ctx_.locale = locale;
    if (trial) {
        invoke("external-sharing.admin.start-trial", "{}", "");
    }
}

ModuleHarness::~ModuleHarness() {
    plugin_.reset();
    counting_.reset();
    inner_.reset();
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
}

std::string ModuleHarness::invoke(const std::string& action, const std::string& payload,
                                  const std::string& case_id) {
    return plugin_->ui().invoke_action(ctx_, action, case_id, payload);
}

std::string ModuleHarness::create_share(const std::string& extra_json) {
    const std::string result = invoke(
        "external-sharing.create",
        R"({"protection":"none","recipient_name":"Eva Extern","recipient_email":"",)"
        R"("recipient_phone":"","selection":{"details":{"included":true,"items":["parcel"]},)"
        R"("journal":{"included":true,"items":["j-1"]},)"
        R"("attachments":{"included":true,"items":["att-1"]}})" +
            (extra_json.empty() ? "" : "," + extra_json) + "}");
    const std::string id_key = "\"share_id\":\"";
    if (const auto id = result.find(id_key); id != std::string::npos) {
        const auto from = id + id_key.size();
        last_share_id_ = result.substr(from, result.find('"', from) - from);
    }
    const auto at = result.find("/s/");
    if (at == std::string::npos) {
        ADD_FAILURE() << "no link in the answer: " << result;
        return "";
    }
    return result.substr(at, result.find('"', at) - at);
}

std::string ModuleHarness::contributions() {
    return plugin_->ui().contributions(ctx_, dm_check::kCase);
}

std::string ModuleHarness::panel() {
    return plugin_->ui().render_panel(ctx_, "external-sharing.panel", dm_check::kCase);
}

std::string ModuleHarness::admin_panel() {
    return plugin_->ui().render_panel(ctx_, "external-sharing.admin", "");
}

std::string ModuleHarness::column() {
    return plugin_->ui().column_values(ctx_, "external-sharing.active-shares",
                                       {dm_check::kCase, dm_check::kOtherCase});
}

ModuleHarness::Answer ModuleHarness::get(const std::string& path) {
    Answer out;
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port_));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        return out;
    }
    const std::string request = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
    if (::write(fd, request.data(), request.size()) != static_cast<ssize_t>(request.size())) {
        ::close(fd);
        return out;
    }
    std::string response;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) {
        response.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    if (response.rfind("HTTP/1.", 0) != 0) {
        return out;
    }
    out.status = std::stoi(response.substr(9, 3));
    const auto body = response.find("\r\n\r\n");
    out.body = body == std::string::npos ? "" : response.substr(body + 4);
    return out;
}

}  // namespace es::test
