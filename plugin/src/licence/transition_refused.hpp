// A state change the current licence state does not allow (a second trial, deactivating what is not
// active). Nothing was changed when this is thrown.
#pragma once

#include <string>

#include "domain/error.hpp"

namespace es::licence {

class TransitionRefused : public domain::Error {
  public:
    explicit TransitionRefused(const std::string& sentence) : Error(Kind::Conflict, sentence) {}
};

}  // namespace es::licence
