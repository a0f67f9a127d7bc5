// dm-sample-host --config <file>: the reference dossier manager.
#include <csignal>
#include <cstring>
#include <iostream>

#include "app/host_app.hpp"
#include "demo/demo_data.hpp"
#include "log/error_text.hpp"
#include "log/host_log.hpp"

namespace {

int usage() {
    std::cerr << "usage: dm-sample-host --config <file>\n";
    return 2;
}

void wait_for_termination() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    int sig = 0;
    sigwait(&set, &sig);
}

}  // namespace

int main(int argc, char** argv) {
    std::string config_path;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
            config_path = argv[++i];
        } else if (std::strcmp(argv[i], "--help") == 0) {
            usage();
            return 0;
        } else {
            return usage();
        }
    }
    if (config_path.empty())
        return usage();

    // Block the signals before any thread starts, so only sigwait() receives them.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    try {
        host::HostApp app(host::HostConfig::load(config_path));
        app.start();
        std::cout << "Sample Dossier Manager listening on " << app.url() << "\n";
        if (app.dossier_manager().config.demo_data) {
            std::cout << "Demo logins (login / password, role, organisation):\n";
            for (const auto& l : host::DemoData::logins()) {
                std::cout << "  " << l.login << " / " << l.password << "  (" << l.role << ", "
                          << l.organisation << ")\n";
            }
        }
        std::cout << std::flush;
        wait_for_termination();
        host::HostLog::info("shutting down");
        app.stop();
    } catch (const host::ConfigError& e) {
        std::cerr << "configuration error: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "dm-sample-host: " << host::error_text(e) << "\n";
        return 1;
    }
    return 0;
}
