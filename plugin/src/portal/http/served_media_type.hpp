// The Content-Type a download goes out with. A browser or desktop picks the program that opens a
// file by its type or by its name, whichever it trusts; when the two disagree, a file can pass as
// a document and open as a program ("invoice<U+202E>fdp.exe" declared application/pdf). So the
// host's type is used only when the name agrees with it; otherwise the file is plain bytes,
// application/octet-stream. (Every download is `Content-Disposition: attachment` anyway.)
#pragma once

#include <string>
#include <string_view>

#include "portal/http/media_type_table.hpp"

namespace es::portal::http {

// The host's type when all of these hold, else "application/octet-stream":
//  - the type is a plain "type/subtype" token pair (safe_media_type);
//  - the name needed no repair by safe_filename: no NUL or other control character, no bidi or
//    invisible character, no invalid UTF-8, no path separator, no leading or trailing dot or
//    space, not cut for length;
//  - its last extension stands for exactly this type in `table` (case ignored); a name without
//    an extension, or with one the table does not know, does not agree with any type;
//  - when the extension before it is known too ("x.pdf.exe"), the two stand for a common type,
//    so a name cannot show one kind of file and be another.
std::string served_media_type(std::string_view host_name, std::string_view host_type,
                              const MediaTypeTable& table = MediaTypeTable::debian());

}  // namespace es::portal::http
