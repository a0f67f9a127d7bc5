// The connection pool plus the rules for using it: how reads retry, how writes run in
// transactions, and the dialect of the statements.
//
// Reconnection: a read that fails because its connection was lost runs once more on a fresh
// connection (reads are idempotent). A write is retried only when it failed at its very start
// (beginning the transaction), before anything could have been written; otherwise the caller gets
// Error(Unavailable) saying that the change was not made.
//
// Snapshots: with_snapshot(f) pins one connection to the calling thread while f runs; every read()
// of this Database on that thread then uses it, inside one read transaction where the backend
// needs one (SQLite). The portal's policy checks for a request thus see one state of the database
// and pay for one lease and one read start instead of one per statement. A transaction() on the
// same thread inside f ends the snapshot and runs on the pinned connection: waiting for a second
// lease could deadlock once every connection of the pool is pinned by a thread doing the same.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <utility>

#include "domain/error.hpp"
#include "store/sql/conflict_backoff.hpp"
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
        if (Pin* pin = pin_of_this_thread()) {
            return read_pinned(*pin, f);
        }
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
    // throws. A deadlock or certification victim is run again after a pause (see
    // conflict_backoff.hpp; the server rolled it back entirely), so `f` must have no effects
    // outside the database.
    template <class F>
    auto transaction(F&& f) {
        ConflictBackoff backoff;
        for (;;) {
            try {
                return attempt_transaction(f);
            } catch (const Deadlock&) {
                if (!backoff.wait_after_loss()) {
                    throw;
                }
            }
        }
    }

    // f() with this thread's reads of this Database on one connection and one snapshot (see the
    // top of the file). Nested calls join the outermost.
    template <class F>
    auto with_snapshot(F&& f) {
        if (pin_of_this_thread() != nullptr) {
            return f();
        }
        Pin pin(*this);
        return f();
    }

  private:
    // The connection a thread has pinned, and whether its read transaction is open.
    class Pin {
      public:
        explicit Pin(Database& db) : db_(db), outer_(pinned_) { pinned_ = this; }
        ~Pin() {
            end_snapshot();
            pinned_ = outer_;
        }
        Pin(const Pin&) = delete;
        Pin& operator=(const Pin&) = delete;

        SqlConnection& connection() {
            if (!lease_) {
                lease_.emplace(db_.pool_.acquire());
            }
            return **lease_;
        }
        void begin_snapshot() {
            if (!in_snapshot_) {
                connection().begin_snapshot();
                in_snapshot_ = true;
            }
        }
        void end_snapshot() noexcept {
            if (in_snapshot_ && lease_) {
                (*lease_)->end_snapshot();
            }
            in_snapshot_ = false;
        }
        // After a failure on a broken connection: the next use leases a fresh one.
        void drop() noexcept {
            in_snapshot_ = false;
            lease_.reset();
        }
        const Database& database() const { return db_; }

      private:
        Database& db_;
        Pin* outer_;
        std::optional<ConnectionPool::Lease> lease_;
        bool in_snapshot_ = false;
    };

    Pin* pin_of_this_thread() const {
        return pinned_ != nullptr && &pinned_->database() == this ? pinned_ : nullptr;
    }

    template <class F>
    auto read_pinned(Pin& pin, F& f) {
        for (int attempt = 0;; ++attempt) {
            SqlConnection& c = pin.connection();
            try {
                pin.begin_snapshot();
                return f(c);
            } catch (const domain::Error&) {
                if (attempt > 0 || !c.broken()) {
                    throw;
                }
                pin.drop();
                pool_.drop_idle();
            }
        }
    }

    template <class F>
    auto attempt_transaction(F& f) {
        for (int attempt = 0;; ++attempt) {
            Pin* pin = pin_of_this_thread();
            std::optional<ConnectionPool::Lease> own;
            if (pin != nullptr) {
                pin->end_snapshot();
            } else {
                own.emplace(pool_.acquire());
            }
            SqlConnection* lease = pin != nullptr ? &pin->connection() : &**own;
            try {
                lease->begin();
            } catch (const domain::Error&) {
                if (attempt > 0 || !lease->broken()) {
                    throw;
                }
                if (pin != nullptr) {
                    pin->drop();
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
    static inline thread_local Pin* pinned_ = nullptr;
};

}  // namespace es::store::sql
