#include "store/mysql/mysql_connection.hpp"

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/resultset_metadata.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>

#include "domain/error.hpp"
#include "store/sql/deadlock.hpp"
#include "store/sql/statement_head.hpp"

namespace es::store::mysql {

namespace {

using Kind = domain::Error::Kind;

::sql::mysql::MySQL_Driver& driver() {
    // get_driver_instance() is not thread-safe on its first call.
    static std::once_flag once;
    static ::sql::mysql::MySQL_Driver* instance = nullptr;
    std::call_once(once, [] { instance = ::sql::mysql::get_mysql_driver_instance(); });
    return *instance;
}

// The client library wants per-thread setup before a thread's first call and cleanup at its end.
void ensure_thread_initialised() {
    struct ThreadGuard {
        ThreadGuard() { driver().threadInit(); }
        ~ThreadGuard() { driver().threadEnd(); }
    };
    thread_local ThreadGuard guard;
}

using sql::statement_head;

bool connection_lost(int code) {
    switch (code) {
        case 2002:  // can't connect through socket
        case 2003:  // can't connect to server
        case 2006:  // server has gone away
        case 2013:  // lost connection during query
        case 2055:  // lost connection at reading/writing
        case 1053:  // server shutdown in progress
        case 1927:  // connection was killed (MariaDB)
        case 4031:  // disconnected by the server for inactivity (MySQL 8)
        case 1047:  // a Galera node that left the cluster's primary component refuses statements
            return true;
        default:
            return false;
    }
}

}  // namespace

std::string mysql_password(const config::MysqlSettings& settings) {
    if (!settings.password_env.empty()) {
        const char* value = std::getenv(settings.password_env.c_str());
        if (value == nullptr) {
            throw domain::Error(Kind::InvalidInput,
                                "storage.mysql.password_env: environment "
                                "variable " +
                                    settings.password_env + " is not set");
        }
        return value;
    }
    if (!settings.password_file.empty()) {
        std::ifstream in(settings.password_file);
        std::string line;
        if (!in || !std::getline(in, line)) {
            throw domain::Error(Kind::InvalidInput, "storage.mysql.password_file: cannot read " +
                                                        settings.password_file);
        }
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        return line;
    }
    return "";
}

MysqlConnection::MysqlConnection(const config::MysqlSettings& s, const std::string& password,
                                 ServerChoice& choice) {
    ensure_thread_initialised();
    const std::string who = " (database " + s.database + ", user " + s.user + ")";
    if (!s.unix_socket.empty()) {
        try {
            open(s, password, "unix://" + s.unix_socket);
        } catch (const std::exception& e) {
            throw domain::Error(Kind::Unavailable, "cannot connect to MySQL/MariaDB at " +
                                                       s.unix_socket + who + ": " + e.what());
        }
        return;
    }
    std::string problems;
    for (const std::size_t i : choice.order()) {
        const auto& server = choice.servers()[i];
        const std::string address = server.host.find(':') == std::string::npos
                                        ? server.host + ":" + std::to_string(server.port)
                                        : "[" + server.host + "]:" + std::to_string(server.port);
        try {
            open(s, password, "tcp://" + address);
            server_index_ = i;
            connected_at_ = std::chrono::steady_clock::now();
            failback_ = choice.failback();
            return;
        } catch (const std::exception& e) {
            statements_.clear();
            connection_.reset();
            choice.failed(i);
            problems += (problems.empty() ? "" : "; ") + address + ": " + e.what();
        }
    }
    throw domain::Error(Kind::Unavailable,
                        "cannot connect to MySQL/MariaDB" + who + " at " + problems);
}

void MysqlConnection::open(const config::MysqlSettings& s, const std::string& password,
                           const std::string& url) {
    ::sql::ConnectOptionsMap options;
    options["hostName"] = ::sql::SQLString(url);
    options["userName"] = ::sql::SQLString(s.user);
    options["password"] = ::sql::SQLString(password);
    options["schema"] = ::sql::SQLString(s.database);
    options["OPT_CONNECT_TIMEOUT"] = s.connect_timeout_seconds;
    options["OPT_READ_TIMEOUT"] = 60;
    options["OPT_WRITE_TIMEOUT"] = 60;
    options["OPT_RECONNECT"] = false;
    options["CLIENT_FOUND_ROWS"] = true;
    options["OPT_CHARSET_NAME"] = ::sql::SQLString("utf8mb4");
    options["characterSetResults"] = ::sql::SQLString("utf8mb4");
    try {
        connection_.reset(driver().connect(options));
    } catch (const ::sql::SQLException& e) {
        throw domain::Error(Kind::Unavailable, e.what());
    }
    execute("SET time_zone = '+00:00'", {});
    execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION'", {});
    wait_for_the_cluster();
}

bool MysqlConnection::retired() const {
    return server_index_ != 0 && std::chrono::steady_clock::now() - connected_at_ > failback_;
}

MysqlConnection::~MysqlConnection() {
    ensure_thread_initialised();
    try {
        statements_.clear();
        connection_.reset();
    } catch (...) {
        // Closing a dead connection may complain; nothing to do about it.
    }
}

::sql::PreparedStatement& MysqlConnection::prepare(
    const std::string& sql, const std::vector<store::sql::SqlValue>& params) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
        std::unique_ptr<::sql::PreparedStatement> prepared(connection_->prepareStatement(sql));
        it = statements_.emplace(sql, std::move(prepared)).first;
    }
    auto& stmt = *it->second;
    for (std::size_t i = 0; i < params.size(); ++i) {
        const auto pos = static_cast<unsigned int>(i + 1);
        if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
            stmt.setInt64(pos, *n);
        } else if (const auto* s = std::get_if<std::string>(&params[i])) {
            stmt.setString(pos, ::sql::SQLString(*s));
        } else {
            stmt.setNull(pos, ::sql::DataType::VARCHAR);
        }
    }
    return stmt;
}

std::int64_t MysqlConnection::execute(const std::string& sql,
                                      const std::vector<store::sql::SqlValue>& params) {
    ensure_thread_initialised();
    try {
        // Connector/C++ 1.1 implements no getUpdateCount() for prepared statements;
        // executeUpdate() returns the affected (with CLIENT_FOUND_ROWS: matched) rows.
        return static_cast<std::int64_t>(prepare(sql, params).executeUpdate());
    } catch (const ::sql::SQLException& e) {
        fail(e, sql);
    }
}

std::vector<store::sql::SqlRow> MysqlConnection::query(
    const std::string& sql, const std::vector<store::sql::SqlValue>& params) {
    std::vector<store::sql::SqlRow> rows;
    read_rows(sql, params, [&](const store::sql::SqlRow& row, std::size_t count) {
        rows.reserve(count);
        rows.push_back(row);
    });
    return rows;
}

void MysqlConnection::for_each_row(const std::string& sql,
                                   const std::vector<store::sql::SqlValue>& params,
                                   const std::function<void(const store::sql::SqlRow&)>& visit) {
    read_rows(sql, params, [&](const store::sql::SqlRow& row, std::size_t) { visit(row); });
}

// A snapshot's reads on a Galera node wait for the cluster once, at the first: a node applies the
// cluster's write sets in order and never goes back, so every later read of the request sees at
// least what the first saw, which is everything committed anywhere before the request began (a
// revoke, a deactivation, a changed password). Waiting again at each of the page's five or six
// reads bought nothing but one group-communication round each.
void MysqlConnection::begin_snapshot() {
    in_snapshot_ = true;
    snapshot_waited_ = false;
}

void MysqlConnection::end_snapshot() noexcept {
    in_snapshot_ = false;
}

namespace {

bool is_select(const std::string& sql) {
    return sql.size() > 7 &&
           (sql.compare(0, 7, "SELECT ") == 0 || sql.compare(0, 7, "select ") == 0);
}

}  // namespace

void MysqlConnection::read_rows(
    const std::string& sql, const std::vector<store::sql::SqlValue>& params,
    const std::function<void(const store::sql::SqlRow& row, std::size_t rows)>& visit) {
    ensure_thread_initialised();
    try {
        const bool waited_already = in_snapshot_ && galera_ && snapshot_waited_ && is_select(sql);
        auto& stmt = waited_already
                         ? prepare("SET STATEMENT wsrep_sync_wait = 0 FOR " + sql, params)
                         : prepare(sql, params);
        std::unique_ptr<::sql::ResultSet> rs(stmt.executeQuery());
        snapshot_waited_ = snapshot_waited_ || in_snapshot_;
        auto* meta = rs->getMetaData();
        const auto columns = meta->getColumnCount();
        // Integers are fetched as integers and printed here: the connector's getString() on a
        // numeric column goes through snprintf, which dominated reading long results.
        std::vector<bool> integral(columns + 1, false);
        for (unsigned int c = 1; c <= columns; ++c) {
            switch (meta->getColumnType(c)) {
                case ::sql::DataType::TINYINT:
                case ::sql::DataType::SMALLINT:
                case ::sql::DataType::MEDIUMINT:
                case ::sql::DataType::INTEGER:
                case ::sql::DataType::BIGINT:
                    integral[c] = meta->isSigned(c);  // unsigned may pass INT64_MAX
                    break;
                default:
                    break;
            }
        }
        const auto count = static_cast<std::size_t>(rs->rowsCount());
        // One row object for the whole result: its strings are overwritten in place.
        store::sql::SqlRow row{std::vector<std::optional<std::string>>(columns)};
        const auto set = [](std::optional<std::string>& value, const char* text, std::size_t n) {
            if (value) {
                value->assign(text, n);
            } else {
                value.emplace(text, n);
            }
        };
        while (rs->next()) {
            for (unsigned int c = 1; c <= columns; ++c) {
                auto& value = row.value(c - 1);
                if (rs->isNull(c)) {
                    value.reset();
                } else if (integral[c]) {
                    char digits[24];
                    const auto end = std::to_chars(digits, digits + sizeof digits,
                                                   static_cast<std::int64_t>(rs->getInt64(c)))
                                         .ptr;
                    set(value, digits, static_cast<std::size_t>(end - digits));
                } else {
                    const ::sql::SQLString text = rs->getString(c);
                    set(value, text.c_str(), text.length());
                }
            }
            visit(row, count);
        }
    } catch (const ::sql::SQLException& e) {
        fail(e, sql);
    }
}

std::int64_t MysqlConnection::last_insert_id() {
    return query("SELECT LAST_INSERT_ID()", {}).front().integer(0);
}

void MysqlConnection::begin() {
    ensure_thread_initialised();
    try {
        connection_->setAutoCommit(false);
    } catch (const ::sql::SQLException& e) {
        fail(e, "START TRANSACTION");
    }
}

void MysqlConnection::commit() {
    try {
        // COMMIT as a statement, not Connection::commit(): Connector/C++ 1.1 drops the error of
        // mysql_commit(), and on a Galera node COMMIT is where a transaction that lost
        // certification, or was aborted by a replicated write, learns it (1213). Dropped, the
        // caller took an aborted transaction for committed (cluster.AcrossNodes: 30 downloads
        // granted against a limit of 20).
        std::unique_ptr<::sql::Statement>(connection_->createStatement())->execute("COMMIT");
        connection_->setAutoCommit(true);
    } catch (const ::sql::SQLException& e) {
        fail(e, "COMMIT");
    }
}

void MysqlConnection::rollback() noexcept {
    if (broken_) {
        return;  // the server rolls back what a dead connection left open
    }
    try {
        connection_->rollback();
        connection_->setAutoCommit(true);
    } catch (const ::sql::SQLException& e) {
        (void)e;
        broken_ = true;  // unknown state: never hand this connection out again
    }
}

// A Galera node applies what other nodes commit asynchronously. Without waiting, a read here
// right after another instance's commit could still see the old row: a link revoked through
// another node would open for a moment after the revoke was acknowledged
// (cluster.AcrossNodes.*). Writes need the same wait: certification compares a transaction only
// with write sets ordered after its snapshot, so an UPDATE that starts from a row this node has
// not yet applied passes it, and two instances counting one guess each both wrote the same count
// (a lost update; cluster.ConflictStorm.*). wsrep_sync_wait = 7 makes reads (1), UPDATE and
// DELETE (2), INSERT and REPLACE (4) wait until this node has applied everything the cluster had
// committed when they began. Nearly every statement of the plugin decides something (access,
// limits, the licence), so it is set for the whole session. A server without Galera has no
// wsrep_on (MySQL) or has it OFF (MariaDB): nothing to do.
void MysqlConnection::wait_for_the_cluster() {
    bool galera = false;
    try {
        const auto rows = query("SELECT @@global.wsrep_on", {});
        galera = !rows.empty() && rows.front().integer(0) == 1;
    } catch (const domain::Error&) {
        // Unknown variable: not MariaDB, so not Galera.
    }
    if (!galera) {
        return;
    }
    // A node that is not ready refuses statements; one that is not Synced (a joiner, a donor, a
    // desynced node) may lag behind the cluster. Either way: take another server.
    std::string ready;
    std::string state;
    for (const auto& row : query("SELECT VARIABLE_NAME, VARIABLE_VALUE FROM "
                                 "information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN "
                                 "('WSREP_READY', 'WSREP_LOCAL_STATE_COMMENT')",
                                 {})) {
        (row.text(0) == "WSREP_READY" ? ready : state) = row.text(1);
    }
    if (ready != "ON" || state != "Synced") {
        throw domain::Error(Kind::Unavailable, "the Galera node is not ready (wsrep_ready " +
                                                   ready + ", state " + state + ")");
    }
    execute("SET SESSION wsrep_sync_wait = 7", {});
    galera_ = true;
}

void MysqlConnection::fail(const ::sql::SQLException& e, const std::string& sql) {
    const int code = e.getErrorCode();
    const std::string message = "MySQL error " + std::to_string(code) + ": " + e.what() +
                                " (in \"" + statement_head(sql) + "\")";
    if (connection_lost(code)) {
        broken_ = true;
        throw domain::Error(Kind::Unavailable, message);
    }
    switch (code) {
        case 1213:  // deadlock; InnoDB rolled the whole transaction back
            throw store::sql::Deadlock(message);
        case 1205:  // lock wait timeout
            throw domain::Error(Kind::Unavailable, message);
        case 1062:  // duplicate key
            throw domain::Error(Kind::Conflict, message);
        default:
            throw domain::Error(Kind::Internal, message);
    }
}

}  // namespace es::store::mysql
