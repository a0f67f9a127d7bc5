// Everything a request handler needs, wired once at start: configuration, stores, sessions, the
// login throttle and the loaded plugins. Members are thread-safe or read-only after start.
#pragma once

#include <memory>

#include "auth/LoginThrottle.hpp"
#include "auth/SessionRepository.hpp"
#include "config/HostConfig.hpp"
#include "plugins/HostBackend.hpp"
#include "plugins/PluginRegistry.hpp"
#include "store/CaseRepository.hpp"
#include "store/Database.hpp"
#include "store/UserRepository.hpp"

namespace host {

struct DossierManager {
    explicit DossierManager(HostConfig c)
        : config(std::move(c)),
          db(config.database_path),
          users(db),
          cases(db),
          sessions(db),
          backend{cases, users, config.data_directory} {}

    HostConfig config;
    Database db;
    UserRepository users;
    CaseRepository cases;
    SessionRepository sessions;
    LoginThrottle throttle;
    HostBackend backend;
    PluginRegistry plugins;  // declared last: plugins stop before the stores they read go away
};

}  // namespace host
