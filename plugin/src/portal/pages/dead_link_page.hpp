// The one answer for every link that does not lead to content: unknown, malformed, expired,
// revoked, or of an organisation without an active licence. Constant and bilingual, so it depends
// on nothing about the request or the share.
#pragma once

#include <string>

namespace es::portal::pages {

const std::string& dead_link_page();

}  // namespace es::portal::pages
