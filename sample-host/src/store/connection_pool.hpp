// Poco's SessionPool with SQLite settings applied once per new connection (busy timeout, foreign
// keys, memory-mapped reads), instead of once per borrowed session.
#pragma once

#include <string>

#include <Poco/Data/SessionPool.h>

namespace host {

class ConnectionPool : public Poco::Data::SessionPool {
  public:
    explicit ConnectionPool(const std::string& path)
        : Poco::Data::SessionPool("SQLite", path, 1, 32, 300) {}

  protected:
    void customizeSession(Poco::Data::Session& session) override;
};

}  // namespace host
