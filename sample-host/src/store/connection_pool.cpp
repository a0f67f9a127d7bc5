#include "store/connection_pool.hpp"

namespace host {

using namespace Poco::Data::Keywords;

void ConnectionPool::customizeSession(Poco::Data::Session& s) {
    s << "PRAGMA busy_timeout=10000", now;
    s << "PRAGMA foreign_keys=ON", now;
    // A text search scans the organisation's cases; mapped pages spare a read() per page.
    s << "PRAGMA mmap_size=268435456", now;
    s << "PRAGMA cache_size=-16384", now;
}

}  // namespace host
