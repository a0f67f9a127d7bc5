#include "text/byte_size.hpp"

#include <cstdio>

namespace es::text {

std::string byte_size(std::uint64_t bytes, NumberFormat format) {
    const bool german = format == NumberFormat::German;
    if (bytes < 1000) {
        if (bytes == 1) {
            return german ? "1 Byte" : "1 byte";
        }
        return std::to_string(bytes) + (german ? " Bytes" : " bytes");
    }
    static constexpr const char* kUnits[] = {"kB", "MB", "GB", "TB", "PB", "EB"};
    // Tenths of the unit, rounded half up in integers: no binary floating point between the
    // byte count and the digits shown (999 950 bytes is "1.0 MB", not "1000.0 kB").
    std::uint64_t divisor = 1000;
    std::size_t unit = 0;
    auto tenths = [&] {
        return (bytes / (divisor / 10) + ((bytes % (divisor / 10)) * 2 >= divisor / 10 ? 1 : 0));
    };
    while (unit + 1 < std::size(kUnits) && tenths() >= 10000) {
        divisor *= 1000;
        ++unit;
    }
    const std::uint64_t t = tenths();
    char out[48];
    std::snprintf(out, sizeof out, "%llu%c%llu %s", static_cast<unsigned long long>(t / 10),
                  german ? ',' : '.', static_cast<unsigned long long>(t % 10), kUnits[unit]);
    return out;
}

}  // namespace es::text
