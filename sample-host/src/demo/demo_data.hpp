// The demo dossier manager's content, created on first start: two organisations with users, case
// types, many cases with journals and attachments, and optionally one very large attachment.
#pragma once

#include <string>
#include <vector>

#include "store/database.hpp"

namespace host {

struct DemoLogin {
    std::string organisation;
    std::string login;
    std::string password;
    std::string role;
};

struct DemoOptions {
    std::string data_directory;
    int cases_per_organisation = 600;
    bool big_attachment = false;
    std::uint64_t big_attachment_bytes = 512ull << 20;
};

class DemoData {
  public:
    // Creates the demo content when the database has no organisation yet; does nothing otherwise.
    static void ensure(Database& db, const DemoOptions& options);
    // The fixed demo logins (printed at start so a newcomer can sign in).
    static const std::vector<DemoLogin>& logins();
};

}  // namespace host
