#include "notify/secret_setting.hpp"

#include <cstdlib>
#include <fstream>

#include "config/config_error.hpp"

namespace es::notify {

std::string read_secret(const std::string& env_name, const std::string& file_path,
                        const std::string& key) {
    if (!env_name.empty()) {
        const char* value = std::getenv(env_name.c_str());
        if (value == nullptr) {
            throw config::ConfigError("", key, 0,
                                      "environment variable " + env_name + " is not set");
        }
        return value;
    }
    if (!file_path.empty()) {
        std::ifstream in(file_path);
        if (!in) {
            throw config::ConfigError(file_path, key, 0, "cannot read the secret file");
        }
        std::string line;
        std::getline(in, line);
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        return line;
    }
    return "";
}

}  // namespace es::notify
