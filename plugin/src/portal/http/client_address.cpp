#include "portal/http/client_address.hpp"

#include <algorithm>

namespace es::portal::http {
namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos) {
        return {};
    }
    const auto e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

// Accepts "1.2.3.4", "2001:db8::1", "[2001:db8::1]", "[2001:db8::1]:443" and "1.2.3.4:5678".
bool parse_forwarded_address(std::string text, Poco::Net::IPAddress& out) {
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string::npos) {
            return false;
        }
        text = text.substr(1, close - 1);
    } else if (std::count(text.begin(), text.end(), ':') == 1) {
        text = text.substr(0, text.find(':'));
    }
    if (!Poco::Net::IPAddress::tryParse(text, out)) {
        return false;
    }
    out = unmapped(out);
    return true;
}

}  // namespace

ClientAddress::ClientAddress(const std::vector<std::string>& trusted_proxies) {
    for (const auto& p : trusted_proxies) {
        trusted_.push_back(IpNetwork::parse(p));
    }
}

bool ClientAddress::is_trusted(const Poco::Net::IPAddress& address) const {
    for (const auto& n : trusted_) {
        if (n.contains(address)) {
            return true;
        }
    }
    return false;
}

Poco::Net::IPAddress ClientAddress::resolve(const Poco::Net::IPAddress& peer,
                                            const std::string& forwarded_for) const {
    Poco::Net::IPAddress current = unmapped(peer);
    if (!is_trusted(current) || forwarded_for.empty()) {
        return current;
    }
    std::size_t end = forwarded_for.size();
    while (true) {
        const auto comma = forwarded_for.rfind(',', end == 0 ? 0 : end - 1);
        const std::size_t begin = comma == std::string::npos || end == 0 ? 0 : comma + 1;
        const std::string item = trim(forwarded_for.substr(begin, end - begin));
        Poco::Net::IPAddress hop;
        if (!parse_forwarded_address(item, hop)) {
            // A garbled entry ends the chain: the last good hop is as far as trust reaches.
            return current;
        }
        current = hop;
        if (!is_trusted(current) || begin == 0) {
            return current;
        }
        end = begin - 1;
    }
}

}  // namespace es::portal::http
