#include "host/user_json.hpp"

#include "text/json_reader.hpp"

namespace es::host {

domain::HostUser user_from_json(std::string_view answer) {
    const text::JsonValue v = text::parse_json(answer);
    if (!v.is_object()) {
        throw text::JsonError("the user is not a JSON object");
    }
    domain::HostUser u;
    u.id = v.text_of("id");
    u.display_name = v.text_of("display_name");
    u.email = v.text_of("email");
    u.organisation_name = v.text_of("organisation_name");
    if (const text::JsonValue* active = v.member("active")) {
        u.active = !(active->kind() == text::JsonValue::Kind::Bool && active->text() == "false");
    }
    if (const text::JsonValue* roles = v.member("roles")) {
        for (const auto& r : roles->items()) {
            if (r.kind() == text::JsonValue::Kind::String) {
                u.roles.push_back(r.text());
            }
        }
    }
    return u;
}

}  // namespace es::host
