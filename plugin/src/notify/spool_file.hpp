// Writes a file so that a reader never sees half of it: a hidden temporary name in the same
// directory, flushed to disk, then renamed over the final name (atomic on POSIX). Writing the same
// name again replaces the file, so a message delivered twice after a crash is still one file.
#pragma once

#include <string>
#include <string_view>

namespace es::notify {

// Creates `directory` when missing. Throws DeliveryError (transient) when the disk refuses.
void write_spool_file(const std::string& directory, const std::string& file_name,
                      std::string_view content);

// A file name made from a Message-ID: "<es.42.1700000000000@example.org>" →
// "es.42.1700000000000@example.org"; characters outside [A-Za-z0-9.@_-] become '_'.
std::string spool_name(std::string_view message_id);

}  // namespace es::notify
