// YAML → Settings. Refuses unknown keys, wrong types and out-of-range values with file, key, line.
#pragma once

#include <string>

#include "config/settings.hpp"

namespace es::config {

// Relative paths in the file (database, keys, spool, certificates) are resolved against
// `base_directory`; the plugin passes the data directory the host gave it, or else the folder of
// the config file. Throws ConfigError.
Settings load_settings(const std::string& path, const std::string& base_directory);

// The same from text already in memory; `file_name` is used in messages.
Settings parse_settings(const std::string& yaml_text, const std::string& file_name,
                        const std::string& base_directory);

}  // namespace es::config
