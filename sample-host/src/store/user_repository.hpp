// Organisations, users and their preferences.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/records.hpp"

namespace host {

class UserRepository {
  public:
    explicit UserRepository(Database& db) : db_(db) {}

    std::optional<User> find_by_login(const std::string& login);
    // Only a user of `organisation_id`; a user of another organisation is not found.
    std::optional<User> find(std::int64_t organisation_id, std::int64_t user_id);
    // By id alone: only for the session lookup, which learns the organisation from the user.
    std::optional<User> find_any(std::int64_t user_id);
    std::vector<User> list(std::int64_t organisation_id);
    std::int64_t active_count(std::int64_t organisation_id);
    std::string organisation_name(std::int64_t organisation_id);

    std::int64_t create_organisation(const std::string& name);
    std::int64_t create_user(const User& user);
    bool any_organisation();

    std::optional<std::string> preference(std::int64_t user_id, const std::string& name);
    void set_preference(std::int64_t user_id, const std::string& name, const std::string& value);

  private:
    Database& db_;
};

}  // namespace host
