// The small, fixed set of file-type icons on the recipient's page: inline SVG (no icon font, whose
// glyphs were empty boxes where the font was missing), decorative (aria-hidden: the file's name
// says what it is), drawn in currentColor so that they follow the page's colours and print.
#pragma once

#include <string>
#include <string_view>

namespace es::portal::pages {

enum class FileFamily { Pdf, Image, Document, Spreadsheet, Archive, Other };

// The family of a file by its media type from the host, or by its name's extension when the type
// says nothing ("application/octet-stream", empty, unknown). Only picks a picture: what the file
// is served as is decided elsewhere (http::served_media_type).
FileFamily file_family(std::string_view name, std::string_view media_type);

// "pdf", "image", "document", "spreadsheet", "archive", "other": the icon's class suffix.
const char* family_name(FileFamily family);

// `<svg class="file-icon file-icon-<family>" aria-hidden="true" focusable="false" …>`.
std::string file_icon(FileFamily family);

}  // namespace es::portal::pages
