#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "store/sqlite/sqlite_schema.hpp"
#include "store_backend.hpp"

namespace es::test {

namespace {

class SqliteBackend : public StoreBackend {
  public:
    SqliteBackend() {
        static std::atomic<int> counter{0};
        dir_ = std::filesystem::temp_directory_path() /
               ("es-store-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
    }
    ~SqliteBackend() override { std::filesystem::remove_all(dir_); }

    const char* name() const override { return "sqlite"; }

    config::StorageSettings settings() const override {
        config::StorageSettings s;
        s.backend = config::StorageSettings::Backend::Sqlite;
        s.sqlite_path = (dir_ / "shares.db").string();
        return s;
    }

    void fail_inserts_into(const std::string& table) override {
        exec("CREATE TRIGGER fail_" + table + " BEFORE INSERT ON " + table +
             " BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    }

    void exec(const std::string& statement) override {
        with_db([&](sqlite3* db) {
            char* error = nullptr;
            if (sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
                std::string message = error ? error : "?";
                sqlite3_free(error);
                throw std::runtime_error("sqlite: " + message + " in " + statement);
            }
        });
    }

    std::int64_t count(const std::string& table) override {
        std::int64_t n = -1;
        with_db([&](sqlite3* db) {
            sqlite3_stmt* stmt = nullptr;
            sqlite3_prepare_v2(db, ("SELECT COUNT(*) FROM " + table).c_str(), -1, &stmt, nullptr);
            if (stmt != nullptr && sqlite3_step(stmt) == SQLITE_ROW) {
                n = sqlite3_column_int64(stmt, 0);
            }
            sqlite3_finalize(stmt);
        });
        return n;
    }

    std::vector<std::vector<std::string>> rows(const std::string& query) override {
        std::vector<std::vector<std::string>> out;
        with_db([&](sqlite3* db) {
            sqlite3_stmt* stmt = nullptr;
            if (sqlite3_prepare_v2(db, query.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
                throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(db) + " in " +
                                         query);
            }
            while (sqlite3_step(stmt) == SQLITE_ROW) {
                std::vector<std::string> row;
                for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
                    const auto* text = sqlite3_column_text(stmt, i);
                    row.emplace_back(text == nullptr ? "NULL"
                                                     : reinterpret_cast<const char*>(text));
                }
                out.push_back(std::move(row));
            }
            sqlite3_finalize(stmt);
        });
        return out;
    }

    std::string dump() override {
        std::string out;
        for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
            std::ifstream in(entry.path(), std::ios::binary);
            std::stringstream content;
            content << in.rdbuf();
            out += content.str();
        }
        return out;
    }

  private:
    template <class F>
    void with_db(F&& f) {
        sqlite3* db = nullptr;
        if (sqlite3_open((dir_ / "shares.db").c_str(), &db) != SQLITE_OK) {
            sqlite3_close(db);
            throw std::runtime_error("cannot open test database");
        }
        sqlite3_busy_timeout(db, 5000);
        // As the store sees it: the access log is a file of its own
        // (store/sqlite/sqlite_schema.hpp).
        const std::string attach = "ATTACH DATABASE '" +
                                   store::sqlite::access_log_path((dir_ / "shares.db").string()) +
                                   "' AS access_log";
        sqlite3_exec(db, attach.c_str(), nullptr, nullptr, nullptr);
        try {
            f(db);
        } catch (...) {
            sqlite3_close(db);
            throw;
        }
        sqlite3_close(db);
    }

    std::filesystem::path dir_;
};

}  // namespace

std::unique_ptr<StoreBackend> make_sqlite_backend() {
    return std::make_unique<SqliteBackend>();
}

}  // namespace es::test
