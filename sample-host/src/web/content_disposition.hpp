// The Content-Disposition header for a download with any file name (RFC 6266 with RFC 5987's
// filename* for non-ASCII names).
#pragma once

#include <string>

namespace host {

class ContentDisposition {
  public:
    static std::string attachment(const std::string& file_name);
};

}  // namespace host
