// Everything a request handler needs, wired once at start: configuration, stores, sessions, the
// login throttle and the loaded plugins. Members are thread-safe or read-only after start.
#pragma once

#include <memory>

#include "auth/login_throttle.hpp"
#include "auth/session_repository.hpp"
#include "config/host_config.hpp"
#include "net/transfer_slots.hpp"
#include "plugins/host_backend.hpp"
#include "plugins/plugin_registry.hpp"
#include "store/case_repository.hpp"
#include "store/database.hpp"
#include "store/user_repository.hpp"

namespace host {

struct DossierManager {
    explicit DossierManager(HostConfig c)
        : config(std::move(c)),
          db(config.database_path),
          users(db),
          cases(db),
          sessions(db),
          backend{cases, users, config.data_directory},
          downloads(config.attachments.download_limit(config.http_threads)) {}

    HostConfig config;
    Database db;
    UserRepository users;
    CaseRepository cases;
    SessionRepository sessions;
    LoginThrottle throttle;
    HostBackend backend;
    es::net::TransferSlots downloads;  // attachment downloads at once (attachments.*)
    PluginRegistry plugins;  // declared last: plugins stop before the stores they read go away
};

}  // namespace host
