// The host's SQLite database through Poco::Data: a pool of connections (request threads and plugin
// threads read concurrently), WAL journal, busy timeout, migrations applied on open.
#pragma once

#include <memory>
#include <string>

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>

namespace host {

class Database {
  public:
    // Opens (creating when needed) and migrates. Throws on failure.
    explicit Database(const std::string& path);

    // A pooled connection; returned to the pool when the Session is destroyed. [any-thread]
    Poco::Data::Session session();

    int schema_version();

  private:
    std::unique_ptr<Poco::Data::SessionPool> pool_;  // a ConnectionPool
};

}  // namespace host
