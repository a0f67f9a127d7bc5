// UTF-8 of one code point (append_utf8), at each boundary between encoding lengths.
#include "text/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace es::text {
namespace {

std::string utf8(std::uint32_t cp) {
    std::string out;
    append_utf8(out, cp);
    return out;
}

TEST(Utf8, OneToFourBytesByCodePoint) {
    EXPECT_EQ("A", utf8(0x41));
    EXPECT_EQ("\x7F", utf8(0x7F));
    EXPECT_EQ("\xC2\x80", utf8(0x80));
    EXPECT_EQ("ä", utf8(0xE4));
    EXPECT_EQ("\xDF\xBF", utf8(0x7FF));
    EXPECT_EQ("\xE0\xA0\x80", utf8(0x800));
    EXPECT_EQ("€", utf8(0x20AC));
    EXPECT_EQ("\xEF\xBF\xBF", utf8(0xFFFF));
    EXPECT_EQ("\xF0\x90\x80\x80", utf8(0x10000));
    EXPECT_EQ("😀", utf8(0x1F600));
    EXPECT_EQ("\xF4\x8F\xBF\xBF", utf8(0x10FFFF));
}

TEST(Utf8, AppendsToWhatIsThere) {
    std::string out = "Gr";
    append_utf8(out, 0xFC);
    out += "ezi";
    EXPECT_EQ("Grüezi", out);
}

TEST(Utf8, TheNulCharacterIsOneByte) {
    EXPECT_EQ(std::string(1, '\0'), utf8(0));
}

}  // namespace
}  // namespace es::text
