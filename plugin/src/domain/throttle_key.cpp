#include "domain/throttle_key.hpp"

#include <arpa/inet.h>

#include <cstring>

namespace es::domain {

std::string client_throttle_key(std::string_view client_ip) {
    const std::string ip(client_ip);
    in_addr v4{};
    if (inet_pton(AF_INET, ip.c_str(), &v4) == 1) {
        char text[INET_ADDRSTRLEN] = {};
        inet_ntop(AF_INET, &v4, text, sizeof text);
        return std::string("ip:") + text;
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, ip.c_str(), &v6) != 1) {
        return "ip:invalid";
    }
    static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(v6.s6_addr, kMapped, sizeof kMapped) == 0) {
        std::memcpy(&v4, v6.s6_addr + 12, 4);
        char text[INET_ADDRSTRLEN] = {};
        inet_ntop(AF_INET, &v4, text, sizeof text);
        return std::string("ip:") + text;
    }
    std::memset(v6.s6_addr + 8, 0, 8);
    char text[INET6_ADDRSTRLEN] = {};
    inet_ntop(AF_INET6, &v6, text, sizeof text);
    return std::string("ip:") + text + "/64";
}

std::string share_throttle_prefix(std::string_view share_id) {
    return "share:" + std::string(share_id) + ":";
}

std::string share_throttle_key(std::string_view share_id, std::string_view what) {
    return share_throttle_prefix(share_id) + std::string(what);
}

std::string share_client_throttle_key(std::string_view share_id, std::string_view what,
                                      std::string_view client_key) {
    return share_throttle_key(share_id, what) + ":" + std::string(client_key);
}

}  // namespace es::domain
