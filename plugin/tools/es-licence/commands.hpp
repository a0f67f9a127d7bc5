// The es-licence commands. Each returns the process exit code; usage errors throw
// std::invalid_argument, which main reports with the usage text (exit code 2).
#pragma once

#include <string>
#include <vector>

namespace es::tools {

int keygen_command(const std::vector<std::string>& args);
int sign_command(const std::vector<std::string>& args);
int inspect_command(const std::vector<std::string>& args);

}  // namespace es::tools
