// A bounded set of connections shared by all threads. A thread borrows one for a unit of work and
// gives it back; broken connections are dropped and replaced on demand, which is how the store
// reconnects after the database restarted.
//
// Thread safety: acquire() and the Lease may be used from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "store/sql/sql_connection.hpp"

namespace es::store::sql {

class ConnectionPool {
  public:
    using Factory = std::function<std::unique_ptr<SqlConnection>()>;

    // At most `max_size` connections exist at once; a caller waits up to `wait` for one.
    ConnectionPool(Factory factory, int max_size, std::chrono::milliseconds wait);

    class Lease {
      public:
        Lease(ConnectionPool& pool, std::unique_ptr<SqlConnection> c)
            : pool_(&pool), connection_(std::move(c)) {}
        Lease(Lease&& other) noexcept = default;
        Lease& operator=(Lease&&) = delete;
        ~Lease();

        SqlConnection& operator*() const { return *connection_; }
        SqlConnection* operator->() const { return connection_.get(); }

      private:
        ConnectionPool* pool_;
        std::unique_ptr<SqlConnection> connection_;
    };

    // A connection, new or reused. Throws Error(Unavailable) when none can be made or none became
    // free within the wait.
    Lease acquire();

    // Drops every idle connection (after an outage their sockets are dead).
    void drop_idle();

  private:
    void give_back(std::unique_ptr<SqlConnection> c);

    Factory factory_;
    int max_size_;
    std::chrono::milliseconds wait_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<SqlConnection>> idle_;
    int open_ = 0;  // idle + lent out + being created
};

}  // namespace es::store::sql
