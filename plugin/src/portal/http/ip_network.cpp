#include "portal/http/ip_network.hpp"

#include <cstring>
#include <stdexcept>

namespace es::portal::http {
namespace {

bool is_v4_mapped(const Poco::Net::IPAddress& a) {
    if (a.family() != Poco::Net::IPAddress::IPv6) {
        return false;
    }
    const auto* b = static_cast<const unsigned char*>(a.addr());
    static constexpr unsigned char kPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
    return std::memcmp(b, kPrefix, 12) == 0;
}

bool prefix_equal(const void* x, const void* y, unsigned bits) {
    const auto* a = static_cast<const unsigned char*>(x);
    const auto* b = static_cast<const unsigned char*>(y);
    const unsigned bytes = bits / 8;
    if (std::memcmp(a, b, bytes) != 0) {
        return false;
    }
    const unsigned rest = bits % 8;
    if (rest == 0) {
        return true;
    }
    const auto mask = static_cast<unsigned char>(0xFF << (8 - rest));
    return (a[bytes] & mask) == (b[bytes] & mask);
}

}  // namespace

Poco::Net::IPAddress unmapped(const Poco::Net::IPAddress& address) {
    if (!is_v4_mapped(address)) {
        return address;
    }
    const auto* b = static_cast<const unsigned char*>(address.addr());
    return Poco::Net::IPAddress(b + 12, 4);
}

IpNetwork IpNetwork::parse(const std::string& text) {
    IpNetwork n;
    const auto slash = text.find('/');
    const std::string addr = text.substr(0, slash);
    if (!Poco::Net::IPAddress::tryParse(addr, n.base_)) {
        throw std::invalid_argument("not an IP address: " + addr);
    }
    n.base_ = unmapped(n.base_);
    const unsigned max = n.base_.family() == Poco::Net::IPAddress::IPv4 ? 32 : 128;
    n.prefix_ = max;
    if (slash != std::string::npos) {
        const std::string p = text.substr(slash + 1);
        if (p.empty() || p.size() > 3 || p.find_first_not_of("0123456789") != std::string::npos ||
            static_cast<unsigned>(std::stoul(p)) > max) {
            throw std::invalid_argument("bad prefix length in " + text);
        }
        n.prefix_ = static_cast<unsigned>(std::stoul(p));
    }
    return n;
}

bool IpNetwork::contains(const Poco::Net::IPAddress& address) const {
    const Poco::Net::IPAddress a = unmapped(address);
    if (a.family() != base_.family()) {
        return false;
    }
    return prefix_equal(a.addr(), base_.addr(), prefix_);
}

std::string throttle_key_of(const Poco::Net::IPAddress& address) {
    const Poco::Net::IPAddress a = unmapped(address);
    if (a.family() == Poco::Net::IPAddress::IPv4) {
        return a.toString();
    }
    unsigned char b[16];
    std::memcpy(b, a.addr(), 16);
    std::memset(b + 8, 0, 8);
    return Poco::Net::IPAddress(b, 16).toString() + "/64";
}

}  // namespace es::portal::http
