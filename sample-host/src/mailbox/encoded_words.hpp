// Decodes RFC 2047 encoded words ("=?UTF-8?B?...?=", "=?ISO-8859-1?Q?...?=") in mail headers to
// UTF-8. Poco 1.11 has no public decoder for them.
#pragma once

#include <string>

namespace host {

class EncodedWords {
  public:
    static std::string decode(const std::string& header);
};

}  // namespace host
