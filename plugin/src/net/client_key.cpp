#include "net/client_key.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>
#include <random>

namespace es::net {
namespace {

constexpr std::uint8_t kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

}  // namespace

ClientKey client_key_of(const Poco::Net::IPAddress& address) {
    ClientKey key;
    const auto* raw = static_cast<const std::uint8_t*>(address.addr());
    if (address.family() == Poco::Net::IPAddress::IPv4) {
        std::memcpy(key.bytes.data(), raw, 4);
        return key;
    }
    if (std::memcmp(raw, kMappedPrefix, sizeof kMappedPrefix) == 0) {
        std::memcpy(key.bytes.data(), raw + 12, 4);
        return key;
    }
    key.v6 = true;
    std::memcpy(key.bytes.data(), raw, 8);  // the /64; the interface half stays zero
    return key;
}

std::string ClientKey::text() const {
    char out[INET6_ADDRSTRLEN] = {};
    if (!v6) {
        inet_ntop(AF_INET, bytes.data(), out, sizeof out);
        return out;
    }
    inet_ntop(AF_INET6, bytes.data(), out, sizeof out);
    return std::string(out) + "/64";
}

std::size_t ClientKeyHash::operator()(const ClientKey& k) const noexcept {
    // FNV-1a from a per-process random start: cheap, and a client choosing its addresses cannot
    // predict which of them collide in the loop's tables.
    static const std::uint64_t kSeed = std::random_device{}() * 0x100000001b3ULL;
    std::uint64_t h = 1469598103934665603ULL ^ kSeed;
    for (std::uint8_t b : k.bytes) {
        h = (h ^ b) * 1099511628211ULL;
    }
    return static_cast<std::size_t>(h ^ (k.v6 ? 0x9e3779b97f4a7c15ULL : 0));
}

}  // namespace es::net
