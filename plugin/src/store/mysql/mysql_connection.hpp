// A connection to MySQL/MariaDB through MySQL Connector/C++ 1.1 (the JDBC-style cppconn API).
//
// Session setup: utf8mb4, time zone UTC (so the database clock expression is unambiguous),
// CLIENT_FOUND_ROWS (matched rows, as SQLite counts them), no automatic reconnect (a silent
// reconnect inside a transaction would lose it; Database decides when to retry). Prepared
// statements are cached per connection.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <unordered_map>

#include "config/settings.hpp"
#include "store/mysql/server_choice.hpp"
#include "store/sql/sql_connection.hpp"

namespace sql {
class Connection;
class PreparedStatement;
class SQLException;
}  // namespace sql

namespace es::store::mysql {

class MysqlConnection : public store::sql::SqlConnection {
  public:
    // Connects to the first server of `choice` that answers and is ready (see server_choice.hpp).
    // Throws Error(Unavailable), naming each server's problem, when none is.
    MysqlConnection(const config::MysqlSettings& settings, const std::string& password,
                    ServerChoice& choice);
    ~MysqlConnection() override;

    std::int64_t execute(const std::string& sql,
                         const std::vector<store::sql::SqlValue>& params) override;
    std::vector<store::sql::SqlRow> query(const std::string& sql,
                                          const std::vector<store::sql::SqlValue>& params) override;
    void for_each_row(const std::string& sql, const std::vector<store::sql::SqlValue>& params,
                      const std::function<void(const store::sql::SqlRow&)>& visit) override;
    std::int64_t last_insert_id() override;
    void begin() override;
    void commit() override;
    void rollback() noexcept override;
    void begin_snapshot() override;
    void end_snapshot() noexcept override;
    bool broken() const override { return broken_; }
    // On a server other than the first for longer than failback_seconds.
    bool retired() const override;

  private:
    ::sql::PreparedStatement& prepare(const std::string& sql,
                                      const std::vector<store::sql::SqlValue>& params);
    // Runs a query and hands every result row, refilled in one reused SqlRow, to `visit` with the
    // result's row count.
    void read_rows(
        const std::string& sql, const std::vector<store::sql::SqlValue>& params,
        const std::function<void(const store::sql::SqlRow& row, std::size_t rows)>& visit);
    void open(const config::MysqlSettings& settings, const std::string& password,
              const std::string& url);
    void wait_for_the_cluster();
    [[noreturn]] void fail(const ::sql::SQLException& e, const std::string& sql);

    std::unique_ptr<::sql::Connection> connection_;
    std::unordered_map<std::string, std::unique_ptr<::sql::PreparedStatement>> statements_;
    bool broken_ = false;
    // On a Galera node (wsrep_sync_wait set, see wait_for_the_cluster()).
    bool galera_ = false;
    // Inside Database::with_snapshot, and whether a read of it has waited for the cluster yet.
    bool in_snapshot_ = false;
    bool snapshot_waited_ = false;
    std::size_t server_index_ = 0;
    std::chrono::steady_clock::time_point connected_at_;
    std::chrono::seconds failback_{0};
};

// The password from MysqlSettings::password_env or ::password_file ("" when neither is set).
// Throws Error(InvalidInput) when the named variable or file is missing.
std::string mysql_password(const config::MysqlSettings& settings);

}  // namespace es::store::mysql
