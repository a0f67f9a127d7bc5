// A file name from the host made safe to hand to a recipient's browser or unzip tool.
//
// Host names are data typed by anyone: they may hold path separators, control characters (CR/LF
// would split a header), invalid UTF-8, or bidirectional controls that disguise an extension
// ("invoice<U+202E>fdp.exe" displays as "invoiceexe.pdf"). All of those are removed or replaced
// here, once, so the download header and the zip entry show the same name.
#pragma once

#include <string>
#include <string_view>

namespace es::portal::http {

// Valid UTF-8, no C0/C1 controls, no bidi controls, no '/' or '\', not "." or "..", not empty
// (falls back to `fallback`), at most 200 bytes (cut at a character boundary, extension kept).
std::string safe_filename(std::string_view name, std::string_view fallback = "download");

}  // namespace es::portal::http
