// The SQLite and MySQL schemas are written by hand, side by side (store/sqlite/sqlite_schema.cpp,
// store/mysql/mysql_schema.cpp). After all migrations they must describe the same tables: the
// same columns with corresponding types and nullability, the same indexes (columns in order,
// uniqueness), primary keys and foreign keys. Each schema is read back from the database itself
// (SQLite's pragmas, MariaDB's information_schema) on a real MariaDB server started by the run.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "store_backend.hpp"

namespace es::test {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// How a column's type is compared: by SQLite's type affinity, the only type SQLite keeps.
// Widths (VARCHAR(128) against TEXT) and integer sizes (TINYINT against INTEGER) are not
// compared: SQLite has neither, and the repositories read every integer as 64 bits.
enum class Affinity { Integer, Text, Other };

std::string to_text(Affinity a) {
    return a == Affinity::Integer ? "INTEGER" : a == Affinity::Text ? "TEXT" : "OTHER";
}

// SQLite's own rules for a declared type (https://sqlite.org/datatype3.html, 3.1).
Affinity sqlite_affinity(std::string declared) {
    std::transform(declared.begin(), declared.end(), declared.begin(), ::toupper);
    if (declared.find("INT") != std::string::npos) {
        return Affinity::Integer;
    }
    for (const char* text : {"CHAR", "CLOB", "TEXT"}) {
        if (declared.find(text) != std::string::npos) {
            return Affinity::Text;
        }
    }
    return Affinity::Other;
}

// The MySQL types the schema uses, and what each corresponds to in SQLite. A type missing here
// fails the test: a new one needs a decision.
Affinity mysql_affinity(const std::string& data_type) {
    static const std::map<std::string, Affinity> kMapping = {
        {"tinyint", Affinity::Integer}, {"int", Affinity::Integer},  {"bigint", Affinity::Integer},
        {"char", Affinity::Text},       {"varchar", Affinity::Text}, {"text", Affinity::Text},
        {"mediumtext", Affinity::Text},
    };
    const auto it = kMapping.find(data_type);
    return it == kMapping.end() ? Affinity::Other : it->second;
}

struct Column {
    Affinity type = Affinity::Other;
    bool nullable = true;
    bool operator==(const Column&) const = default;
};

struct Index {
    std::vector<std::string> columns;
    bool unique = false;
    auto operator<=>(const Index&) const = default;
};

struct ForeignKey {
    std::vector<std::string> columns;
    std::string table;
    std::vector<std::string> referenced;
    auto operator<=>(const ForeignKey&) const = default;
};

struct Table {
    std::map<std::string, Column> columns;
    std::vector<std::string> primary_key;
    std::set<Index> indexes;  // the primary key's own index not included
    std::set<ForeignKey> foreign_keys;
};

using Schema = std::map<std::string, Table>;

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        out += (out.empty() ? "" : ", ") + p;
    }
    return "(" + out + ")";
}

// One line per fact, so two schemas differ exactly where their lines differ.
std::set<std::string> facts(const Schema& schema) {
    std::set<std::string> out;
    for (const auto& [name, t] : schema) {
        out.insert(name);
        for (const auto& [column, c] : t.columns) {
            out.insert(name + "." + column + " " + to_text(c.type) +
                       (c.nullable ? " NULL" : " NOT NULL"));
        }
        out.insert(name + " PRIMARY KEY " + joined(t.primary_key));
        for (const auto& i : t.indexes) {
            out.insert(name + (i.unique ? " UNIQUE INDEX " : " INDEX ") + joined(i.columns));
        }
        for (const auto& f : t.foreign_keys) {
            out.insert(name + " FOREIGN KEY " + joined(f.columns) + " REFERENCES " + f.table +
                       joined(f.referenced));
        }
    }
    return out;
}

// A primary key column cannot hold NULL on either side: MySQL makes it NOT NULL whatever the
// DDL says, and SQLite's INTEGER PRIMARY KEY is the rowid. (SQLite would accept NULL in another
// primary key column declared without NOT NULL, a historical quirk; every such column in our
// schema says NOT NULL, which the SQLite side checks below before this rule applies.)
void primary_keys_not_null(Schema& schema) {
    for (auto& [name, t] : schema) {
        for (const auto& column : t.primary_key) {
            t.columns[column].nullable = false;
        }
    }
}

Schema sqlite_schema(StoreBackend& db) {
    Schema schema;
    // The access log lives in a file of its own, attached as "access_log".
    for (const char* file : {"main", "access_log"}) {
        const std::string prefix = std::string(file) + ".";
        for (const auto& t :
             db.rows("SELECT name, sql FROM " + prefix +
                     "sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            const std::string& name = t[0];
            const bool rowid_alias_possible = t[1].find("WITHOUT ROWID") == std::string::npos;
            Table& table = schema[name];
            std::map<int, std::string> key;
            for (const auto& c : db.rows("PRAGMA " + prefix + "table_info('" + name + "')")) {
                // cid, name, type, notnull, dflt_value, pk
                const bool in_key = c[5] != "0";
                const bool rowid = in_key && rowid_alias_possible && c[2] == "INTEGER";
                EXPECT_TRUE(c[3] == "1" || !in_key || rowid)
                    << name << "." << c[1] << ": a primary key column must say NOT NULL";
                table.columns[c[1]] = Column{sqlite_affinity(c[2]), c[3] == "0"};
                if (in_key) {
                    key[std::stoi(c[5])] = c[1];
                }
            }
            for (const auto& [position, column] : key) {
                table.primary_key.push_back(column);
            }
            for (const auto& i : db.rows("PRAGMA " + prefix + "index_list('" + name + "')")) {
                // seq, name, unique, origin (c: CREATE INDEX, u: UNIQUE, pk), partial
                if (i[3] == "pk") {
                    continue;
                }
                Index index;
                index.unique = i[2] == "1";
                for (const auto& c : db.rows("PRAGMA " + prefix + "index_info('" + i[1] + "')")) {
                    index.columns.push_back(c[2]);
                }
                table.indexes.insert(index);
            }
            std::map<std::string, ForeignKey> keys;
            for (const auto& f : db.rows("PRAGMA " + prefix + "foreign_key_list('" + name + "')")) {
                // id, seq, table, from, to, ...
                ForeignKey& k = keys[f[0]];
                k.table = f[2];
                k.columns.push_back(f[3]);
                k.referenced.push_back(f[4]);
            }
            for (const auto& [id, k] : keys) {
                table.foreign_keys.insert(k);
            }
        }
    }
    primary_keys_not_null(schema);
    return schema;
}

Schema mysql_schema(StoreBackend& db) {
    Schema schema;
    for (const auto& t : db.rows("SELECT table_name FROM information_schema.tables WHERE "
                                 "table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
        schema[t[0]];
    }
    for (const auto& c : db.rows("SELECT table_name, column_name, data_type, is_nullable FROM "
                                 "information_schema.columns WHERE table_schema = DATABASE()")) {
        const Affinity type = mysql_affinity(c[2]);
        EXPECT_NE(type, Affinity::Other) << c[0] << "." << c[1] << ": MySQL type " << c[2]
                                         << " has no SQLite counterpart in the mapping";
        schema[c[0]].columns[c[1]] = Column{type, c[3] == "YES"};
    }
    std::map<std::pair<std::string, std::string>, Index> indexes;
    for (const auto& i : db.rows("SELECT table_name, index_name, non_unique, column_name FROM "
                                 "information_schema.statistics WHERE table_schema = DATABASE() "
                                 "ORDER BY table_name, index_name, seq_in_index")) {
        if (i[1] == "PRIMARY") {
            schema[i[0]].primary_key.push_back(i[3]);
            continue;
        }
        Index& index = indexes[{i[0], i[1]}];
        index.unique = i[2] == "0";
        index.columns.push_back(i[3]);
    }
    for (const auto& [key, index] : indexes) {
        schema[key.first].indexes.insert(index);
    }
    std::map<std::pair<std::string, std::string>, ForeignKey> keys;
    for (const auto& f :
         db.rows("SELECT table_name, constraint_name, column_name, referenced_table_name, "
                 "referenced_column_name FROM information_schema.key_column_usage WHERE "
                 "table_schema = DATABASE() AND referenced_table_name IS NOT NULL ORDER BY "
                 "table_name, constraint_name, ordinal_position")) {
        ForeignKey& k = keys[{f[0], f[1]}];
        k.table = f[3];
        k.columns.push_back(f[2]);
        k.referenced.push_back(f[4]);
    }
    for (const auto& [key, k] : keys) {
        schema[key.first].foreign_keys.insert(k);
    }
    primary_keys_not_null(schema);
    return schema;
}

std::string listed(const std::set<std::string>& lines) {
    std::ostringstream out;
    for (const auto& line : lines) {
        out << "\n  " << line;
    }
    return out.str();
}

void expect_same(const std::set<std::string>& sqlite, const std::set<std::string>& mysql) {
    std::set<std::string> only_sqlite;
    std::set<std::string> only_mysql;
    std::set_difference(sqlite.begin(), sqlite.end(), mysql.begin(), mysql.end(),
                        std::inserter(only_sqlite, only_sqlite.end()));
    std::set_difference(mysql.begin(), mysql.end(), sqlite.begin(), sqlite.end(),
                        std::inserter(only_mysql, only_mysql.end()));
    EXPECT_TRUE(only_sqlite.empty() && only_mysql.empty())
        << "only in SQLite:" << listed(only_sqlite) << "\nonly in MySQL:" << listed(only_mysql);
}

class SchemaParity : public ::testing::Test {
  protected:
    void SetUp() override {
        sqlite = make_sqlite_backend();
        mysql = make_mariadb_backend();
        sqlite->open();  // migrates, then closes again
        mysql->open();
    }

    std::unique_ptr<StoreBackend> sqlite;
    std::unique_ptr<StoreBackend> mysql;
};

TEST_F(SchemaParity, BothBackendsHaveTheSameTablesColumnsAndKeysAfterAllMigrations) {
    const Schema s = sqlite_schema(*sqlite);
    const Schema m = mysql_schema(*mysql);
    ASSERT_GT(s.size(), 10u);
    EXPECT_EQ(s.size(), m.size());
    expect_same(facts(s), facts(m));
}

// Galera replicates rows by their primary key: a table without one replicates badly (or, with
// wsrep_mode=REQUIRED_PRIMARY_KEY, not at all), and InnoDB would key it by a hidden row id that
// differs from node to node. And since Galera interleaves AUTO_INCREMENT values across nodes, a
// key is never assumed to be consecutive.
TEST_F(SchemaParity, EveryTableHasAPrimaryKeyOnBothBackends) {
    for (const auto& [backend, schema] :
         {std::pair{"SQLite", sqlite_schema(*sqlite)}, std::pair{"MySQL", mysql_schema(*mysql)}}) {
        ASSERT_GT(schema.size(), 10u) << backend;
        for (const auto& [name, table] : schema) {
            EXPECT_FALSE(table.primary_key.empty())
                << backend << ": " << name << " has no primary key";
        }
    }
}

TEST_F(SchemaParity, ATableWithoutAPrimaryKeyIsFound) {
    mysql->exec("CREATE TABLE keyless (v INTEGER NOT NULL)");
    const Schema m = mysql_schema(*mysql);
    ASSERT_EQ(1u, m.count("keyless"));
    EXPECT_TRUE(m.at("keyless").primary_key.empty());
}

TEST_F(SchemaParity, ADifferenceIsFound) {
    // The comparison must be able to fail: a column one backend lacks, an index the other has
    // alone, and a nullability that differs all show up.
    sqlite->exec("ALTER TABLE throttle ADD COLUMN only_here INTEGER");
    mysql->exec("CREATE INDEX only_there ON audit (at)");
    mysql->exec("ALTER TABLE policy_overrides MODIFY `value` VARCHAR(64) NULL");
    const auto s = facts(sqlite_schema(*sqlite));
    const auto m = facts(mysql_schema(*mysql));
    EXPECT_TRUE(s.count("throttle.only_here INTEGER NULL") == 1 &&
                m.count("throttle.only_here INTEGER NULL") == 0);
    EXPECT_TRUE(m.count("audit INDEX (at)") == 1 && s.count("audit INDEX (at)") == 0);
    EXPECT_TRUE(m.count("policy_overrides.value TEXT NULL") == 1 &&
                s.count("policy_overrides.value TEXT NOT NULL") == 1);
}

}  // namespace
}  // namespace es::test
