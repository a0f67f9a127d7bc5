// The open connections of the portal, so stop() can cut idle keep-alive connections at once
// instead of waiting for their timeouts.
#pragma once

#include <Poco/Net/StreamSocket.h>

#include <mutex>
#include <set>

namespace es::portal::http {

class ConnectionRegistry {
  public:
    // False when the portal is stopping: the connection should end at once.
    bool add(Poco::Net::StreamSocket& socket);
    void remove(Poco::Net::StreamSocket& socket);
    // Shuts every registered socket down (their threads then see EOF) and refuses new ones.
    void shutdown_all();
    bool stopping() const;

  private:
    mutable std::mutex mutex_;
    std::set<Poco::Net::StreamSocket*> sockets_;
    bool stopping_ = false;
};

}  // namespace es::portal::http
