// The host's dm.directory `user` answer (schema in dm/ext/directory.h) as a plugin value, read
// with the small strict reader (text/json_reader.hpp).
//
// Errors: text::JsonError; HostAdapter reports it as the host's fault.
#pragma once

#include <string_view>

#include "domain/host_user.hpp"

namespace es::host {

// {"id","display_name","email","active":bool,"roles":[…],"organisation_name"}; a missing
// "active" counts as active, missing texts as empty.
domain::HostUser user_from_json(std::string_view answer);

}  // namespace es::host
