#include "store/user_repository.hpp"

#include "store/sql_query.hpp"

namespace host {

namespace {

const char* kUserColumns =
    "SELECT id, organisation_id, login, display_name, email, password_hash, role, active FROM "
    "users ";

User user_at(const SqlRows& rows, std::size_t r) {
    User u;
    u.id = rows.integer(r, 0);
    u.organisation_id = rows.integer(r, 1);
    u.login = rows.text(r, 2);
    u.display_name = rows.text(r, 3);
    u.email = rows.text(r, 4);
    u.password_hash = rows.text(r, 5);
    u.role = rows.text(r, 6);
    u.active = rows.integer(r, 7) != 0;
    return u;
}

}  // namespace

std::optional<User> UserRepository::find_by_login(const std::string& login) {
    auto s = db_.session();
    SqlRows rows(s, std::string(kUserColumns) + "WHERE login = ?", {login});
    if (rows.empty())
        return std::nullopt;
    return user_at(rows, 0);
}

std::optional<User> UserRepository::find(std::int64_t organisation_id, std::int64_t user_id) {
    auto s = db_.session();
    SqlRows rows(s, std::string(kUserColumns) + "WHERE id = ? AND organisation_id = ?",
                 {user_id, organisation_id});
    if (rows.empty())
        return std::nullopt;
    return user_at(rows, 0);
}

std::optional<User> UserRepository::find_any(std::int64_t user_id) {
    auto s = db_.session();
    SqlRows rows(s, std::string(kUserColumns) + "WHERE id = ?", {user_id});
    if (rows.empty())
        return std::nullopt;
    return user_at(rows, 0);
}

std::vector<User> UserRepository::list(std::int64_t organisation_id) {
    auto s = db_.session();
    SqlRows rows(s, std::string(kUserColumns) + "WHERE organisation_id = ? ORDER BY display_name",
                 {organisation_id});
    return rows.all(user_at);
}

std::int64_t UserRepository::active_count(std::int64_t organisation_id) {
    auto s = db_.session();
    SqlRows rows(s, "SELECT COUNT(*) FROM users WHERE organisation_id = ? AND active = 1",
                 {organisation_id});
    return rows.integer(0, 0);
}

std::string UserRepository::organisation_name(std::int64_t organisation_id) {
    auto s = db_.session();
    SqlRows rows(s, "SELECT name FROM organisations WHERE id = ?", {organisation_id});
    return rows.empty() ? std::string() : rows.text(0, 0);
}

std::int64_t UserRepository::create_organisation(const std::string& name) {
    auto s = db_.session();
    sql_execute(s, "INSERT INTO organisations (name) VALUES (?)", {name});
    return SqlRows(s, "SELECT last_insert_rowid()", {}).integer(0, 0);
}

std::int64_t UserRepository::create_user(const User& u) {
    auto s = db_.session();
    sql_execute(s,
                "INSERT INTO users (organisation_id, login, display_name, email, password_hash, "
                "role, active) VALUES (?, ?, ?, ?, ?, ?, ?)",
                {u.organisation_id, u.login, u.display_name, u.email, u.password_hash, u.role,
                 std::int64_t{u.active ? 1 : 0}});
    return SqlRows(s, "SELECT last_insert_rowid()", {}).integer(0, 0);
}

bool UserRepository::any_organisation() {
    auto s = db_.session();
    return SqlRows(s, "SELECT COUNT(*) FROM organisations", {}).integer(0, 0) > 0;
}

std::optional<std::string> UserRepository::preference(std::int64_t user_id,
                                                      const std::string& name) {
    auto s = db_.session();
    SqlRows rows(s, "SELECT value FROM user_preferences WHERE user_id = ? AND name = ?",
                 {user_id, name});
    if (rows.empty())
        return std::nullopt;
    return rows.text(0, 0);
}

void UserRepository::set_preference(std::int64_t user_id, const std::string& name,
                                    const std::string& value) {
    auto s = db_.session();
    sql_execute(s,
                "INSERT INTO user_preferences (user_id, name, value) VALUES (?, ?, ?) "
                "ON CONFLICT (user_id, name) DO UPDATE SET value = excluded.value",
                {user_id, name, value});
}

}  // namespace host
