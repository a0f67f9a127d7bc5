#include "portal/exchange.hpp"

#include <Poco/Net/NameValueCollection.h>

namespace es::portal {

Exchange::Exchange(Poco::Net::HTTPServerRequest& request_, Poco::Net::HTTPServerResponse& response_,
                   net::Connection& socket_, Poco::Net::IPAddress client_, bool tls_, bool https_)
    : request(request_),
      response(response_),
      socket(socket_),
      client(client_),
      tls(tls_),
      https(https_) {
    Poco::Net::NameValueCollection c;
    request.getCookies(c);
    for (const auto& [name, value] : c) {
        cookies_.emplace(name, value);  // the first of duplicate names wins
    }
}

std::string Exchange::user_agent() const {
    return request.get("User-Agent", "");
}

std::optional<std::string> Exchange::cookie(const std::string& name) const {
    auto it = cookies_.find(name);
    if (it == cookies_.end()) {
        return std::nullopt;
    }
    return it->second;
}

}  // namespace es::portal
