// The web UI's files from the web root: "/" is index.html, "/static/<name>" the rest. No listing,
// no path outside the root.
#pragma once

#include <string>

#include "web/exchange.hpp"

namespace host {

class StaticFiles {
  public:
    explicit StaticFiles(std::string root) : root_(std::move(root)) {}
    void serve(Exchange& ex) const;

  private:
    std::string root_;
};

}  // namespace host
