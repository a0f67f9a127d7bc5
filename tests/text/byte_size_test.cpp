#include "text/byte_size.hpp"

#include <gtest/gtest.h>

namespace es::text {
namespace {

TEST(ByteSize, UsesDecimalUnitsLikeMacOsAndGnome) {
    // 26 112 bytes were "25.5 KB" (binary) in the dialog and "26.1 KB" (decimal) on the portal.
    EXPECT_EQ("26.1 kB", byte_size(26112, NumberFormat::English));
    EXPECT_EQ("1.5 MB", byte_size(1500000, NumberFormat::English));
    EXPECT_EQ("2.0 GB", byte_size(2000000000ULL, NumberFormat::English));
}

TEST(ByteSize, GermanHasADecimalComma) {
    EXPECT_EQ("26,1 kB", byte_size(26112, NumberFormat::German));
    EXPECT_EQ("1,5 MB", byte_size(1500000, NumberFormat::German));
}

TEST(ByteSize, SmallSizesAreExactByteCountsInTheReadersLanguage) {
    EXPECT_EQ("0 bytes", byte_size(0, NumberFormat::English));
    EXPECT_EQ("1 byte", byte_size(1, NumberFormat::English));
    EXPECT_EQ("999 bytes", byte_size(999, NumberFormat::English));
    EXPECT_EQ("999 Bytes", byte_size(999, NumberFormat::German));
    EXPECT_EQ("1,0 kB", byte_size(1000, NumberFormat::German));
}

TEST(ByteSize, RoundingUpMovesToTheNextUnit) {
    EXPECT_EQ("999.9 kB", byte_size(999949, NumberFormat::English));
    EXPECT_EQ("1.0 MB", byte_size(999950, NumberFormat::English));
    EXPECT_EQ("1.3 kB", byte_size(1250, NumberFormat::English));  // half up
}

TEST(ByteSize, TheLargestCountHasAUnit) {
    EXPECT_EQ("18.4 EB", byte_size(18446744073709551615ULL, NumberFormat::English));
}

}  // namespace
}  // namespace es::text
