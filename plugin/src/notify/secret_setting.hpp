// Reads a secret named in the config (the SMTP password, the SMS gateway's auth value) from an
// environment variable or a file, so it never sits in the YAML itself.
#pragma once

#include <string>

namespace es::notify {

// The variable's value, or the first line of the file (without its line end). Both empty: "".
// Throws config::ConfigError(`key`) when the variable is unset or the file unreadable, so a
// missing secret stops the plugin at start rather than failing every delivery later.
std::string read_secret(const std::string& env_name, const std::string& file_path,
                        const std::string& key);

}  // namespace es::notify
