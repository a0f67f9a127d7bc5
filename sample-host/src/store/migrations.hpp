// Versioned schema changes. Each version runs once, in its own transaction; running them again on
// a migrated database changes nothing.
#pragma once

#include <Poco/Data/Session.h>

namespace host {

class Migrations {
  public:
    static void apply(Poco::Data::Session& session);
    static int current_version(Poco::Data::Session& session);
};

}  // namespace host
