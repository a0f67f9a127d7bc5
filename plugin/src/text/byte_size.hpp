// The one way the module writes a file size for people: the share dialog, the panel, the
// portal's page, the zip's printable summary and e-mails all call this, so one file has one size
// everywhere.
//
// Decimal units (SI, 1 kB = 1000 bytes), as macOS and GNOME show file sizes: "25.5 kB",
// "1.2 MB". Below 1000 bytes the exact count ("512 bytes"). One decimal place from kB on, in the
// reader's number format: a decimal comma in German ("25,5 kB").
#pragma once

#include <cstdint>
#include <string>

namespace es::text {

enum class NumberFormat { English, German };

std::string byte_size(std::uint64_t bytes, NumberFormat format);

}  // namespace es::text
