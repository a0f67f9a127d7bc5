// Names inside one zip must differ (and not only by case: Windows and macOS would overwrite).
#pragma once

#include <set>
#include <string>

namespace es::portal::zip {

class UniqueNames {
  public:
    // `name` itself, or "stem (2).ext", "stem (3).ext" … when taken.
    std::string claim(const std::string& name);

  private:
    std::set<std::string> taken_;  // ASCII-lowercased
};

}  // namespace es::portal::zip
