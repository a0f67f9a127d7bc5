// Which media types a file name extension stands for, as Debian's /etc/mime.types (package
// media-types) says: "type/subtype ext1 ext2 …" per line. An extension may stand for several
// types ("sh": application/x-sh and text/x-sh).
//
// Thread safety: immutable after construction; debian() is built once, on first use.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace es::portal::http {

// The text of the mime.types file the build was configured with (comments left out).
extern const char* const kDebianMimeTypes;

class MediaTypeTable {
  public:
    // Parses mime.types text; lines it cannot read are skipped.
    explicit MediaTypeTable(std::string_view mime_types);

    // The table of the Debian package, embedded at build time.
    static const MediaTypeTable& debian();

    // The types `extension` (without dot, any case) stands for; empty when unknown.
    const std::set<std::string>& types_of(std::string_view extension) const;

    bool knows(std::string_view extension) const { return !types_of(extension).empty(); }

  private:
    std::map<std::string, std::set<std::string>, std::less<>> by_extension_;
};

}  // namespace es::portal::http
