// The media type an uploaded file is recorded with. The browser's Content-Type for a file part is
// a guess of the client's own (or whatever a script put there); the host decides by the name, with
// the table the plugin's portal judges downloads by (Debian's /etc/mime.types, MediaTypeTable), so
// that a recorded type always agrees with the name and the portal serves the file as that type.
#pragma once

#include <string>
#include <string_view>

namespace host {

// The type the name's last extension stands for; when it stands for several, the client's type
// if it is one of them, else the first. "application/octet-stream" for a name without an
// extension or with one the table does not know.
std::string upload_media_type(std::string_view name, std::string_view client_type);

}  // namespace host
