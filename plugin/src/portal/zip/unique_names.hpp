// Names inside one zip must differ as the file systems that unpack it compare names: NTFS ignores
// case, APFS and HFS+ ignore case and Unicode normalisation. Otherwise an attachment named like the
// summary ("übersicht.html", or with a decomposed "u" + U+0308) would overwrite it on unpacking.
#pragma once

#include <set>
#include <string>

namespace es::portal::zip {

class UniqueNames {
  public:
    // `name` in NFC, or "stem (2).ext", "stem (3).ext" … when taken.
    std::string claim(const std::string& name);

  private:
    std::set<std::string> taken_;  // text::same_file_key of each name given out
};

}  // namespace es::portal::zip
