#include "web/upload_media_type.hpp"

#include <Poco/String.h>

#include "portal/http/media_type_table.hpp"

namespace host {

std::string upload_media_type(std::string_view name, std::string_view client_type) {
    const auto dot = name.rfind('.');
    if (dot == std::string_view::npos || dot + 1 == name.size()) {
        return "application/octet-stream";
    }
    const auto& types = es::portal::http::MediaTypeTable::debian().types_of(name.substr(dot + 1));
    if (types.empty()) {
        return "application/octet-stream";
    }
    // "text/plain; charset=utf-8" names the type "text/plain".
    std::string sent(client_type.substr(0, client_type.find(';')));
    sent = Poco::toLower(Poco::trim(sent));
    return types.count(sent) ? sent : *types.begin();
}

}  // namespace host
