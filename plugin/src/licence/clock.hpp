// Where licensing reads the time. Production uses DatabaseClock, so every host process and every
// request agrees on when a trial or key ends; tests set the time by hand.
#pragma once

#include "domain/timestamp.hpp"

namespace es::licence {

class Clock {
  public:
    virtual ~Clock() = default;
    // [any-thread]
    virtual domain::Timestamp now() = 0;
};

}  // namespace es::licence
