// Plain rows of the host's store. Ids are SQLite row ids; they cross the API and the ABI as
// decimal strings.
#pragma once

#include <cstdint>
#include <string>

namespace host {

struct User {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    std::string login;
    std::string display_name;
    std::string email;
    std::string password_hash;
    std::string role;  // "caseworker" | "organisation_admin"
    bool active = true;

    bool is_admin() const { return role == "organisation_admin"; }
};

struct CaseType {
    std::int64_t id = 0;
    std::string name_de;
    std::string name_en;

    const std::string& name(const std::string& locale) const {
        return locale.rfind("de", 0) == 0 ? name_de : name_en;
    }
};

struct CaseRecord {
    std::int64_t id = 0;
    std::int64_t organisation_id = 0;
    std::string number;
    std::string title;
    std::string status;  // "open" | "closed"
    CaseType case_type;
    std::int64_t owner_user_id = 0;
    std::string owner_name;
    std::string correspondent_name;
    std::string correspondent_email;
    std::string correspondent_phone;
    std::string subject;
    std::string reference;
    std::string received_date;  // YYYY-MM-DD
    std::string created_at;     // RFC 3339 UTC
    std::string updated_at;
};

struct JournalEntry {
    std::int64_t id = 0;
    std::string date;  // RFC 3339 UTC
    std::string author;
    std::string text;
    bool internal = false;
};

struct Attachment {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::string name;
    std::string media_type;
    std::int64_t size = 0;
    std::string sha256;
    std::string modified;      // RFC 3339 UTC
    std::string storage_path;  // relative to the data directory
};

}  // namespace host
