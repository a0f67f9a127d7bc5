// The user's language before they choose one: the first of the host's languages ("de", "en") that
// the browser's Accept-Language header asks for, by its q-values (RFC 9110 §12.5.4).
#pragma once

#include <string>

namespace host {

// "de" or "en"; `fallback` when the header names neither (or is empty).
std::string accepted_locale(const std::string& accept_language, const std::string& fallback = "de");

}  // namespace host
