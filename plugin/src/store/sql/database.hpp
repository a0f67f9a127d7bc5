// The connection pool plus the rules for using it: how reads retry, how writes run in
// transactions, and the dialect of the statements.
//
// Reconnection: a read that fails because its connection was lost runs once more on a fresh
// connection (reads are idempotent). A write is retried only when it failed at its very start
// (beginning the transaction), before anything could have been written; otherwise the caller gets
// Error(Unavailable) saying that the change was not made.
#pragma once

#include <chrono>
#include <string>
#include <thread>
#include <utility>

#include "domain/error.hpp"
#include "store/sql/connection_pool.hpp"
#include "store/sql/deadlock.hpp"
#include "store/sql/dialect.hpp"

namespace es::store::sql {

class Database {
  public:
    Database(ConnectionPool::Factory factory, int pool_size, Dialect dialect)
        : pool_(std::move(factory), pool_size, std::chrono::seconds(10)),
          dialect_(std::move(dialect)) {}

    const Dialect& dialect() const { return dialect_; }
    std::string sql(std::string statement) const { return dialect_.apply(std::move(statement)); }

    // f(SqlConnection&) for statements that change nothing.
    template <class F>
    auto read(F&& f) {
        for (int attempt = 0;; ++attempt) {
            auto lease = pool_.acquire();
            try {
                return f(*lease);
            } catch (const domain::Error& e) {
                if (attempt > 0 || !lease->broken()) {
                    throw;
                }
                pool_.drop_idle();  // its siblings are likely dead too
            }
        }
    }

    // f(SqlConnection&) inside one transaction: committed when f returns, rolled back when it
    // throws. A deadlock victim is run again (InnoDB rolled it back entirely), so `f` must have no
    // effects outside the database.
    template <class F>
    auto transaction(F&& f) {
        for (int deadlocks = 0;; ++deadlocks) {
            try {
                return attempt_transaction(f);
            } catch (const Deadlock&) {
                if (deadlocks >= kDeadlockRetries) {
                    throw;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(1 + deadlocks * 3));
            }
        }
    }

  private:
    static constexpr int kDeadlockRetries = 5;

    template <class F>
    auto attempt_transaction(F& f) {
        for (int attempt = 0;; ++attempt) {
            auto lease = pool_.acquire();
            try {
                lease->begin();
            } catch (const domain::Error&) {
                if (attempt > 0 || !lease->broken()) {
                    throw;
                }
                pool_.drop_idle();
                continue;
            }
            try {
                if constexpr (std::is_void_v<decltype(f(*lease))>) {
                    f(*lease);
                    lease->commit();
                    return;
                } else {
                    auto result = f(*lease);
                    lease->commit();
                    return result;
                }
            } catch (const Deadlock&) {
                lease->rollback();
                throw;
            } catch (const domain::Error& e) {
                lease->rollback();
                if (lease->broken()) {
                    throw domain::Error(domain::Error::Kind::Unavailable,
                                        std::string("the database connection was lost; the "
                                                    "change was not confirmed: ") +
                                            e.what());
                }
                throw;
            } catch (...) {
                lease->rollback();
                throw;
            }
        }
    }

    ConnectionPool pool_;
    Dialect dialect_;
};

}  // namespace es::store::sql
