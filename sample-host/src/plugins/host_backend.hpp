// What the host services given to plugins read from: the host's stores and its data folder.
#pragma once

#include <string>

#include "store/case_repository.hpp"
#include "store/user_repository.hpp"

namespace host {

struct HostBackend {
    CaseRepository& cases;
    UserRepository& users;
    std::string data_directory;  // attachments' storage paths are relative to it
};

}  // namespace host
