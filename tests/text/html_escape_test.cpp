// The one HTML escape of the portal's pages and the e-mails: the five characters that could open
// markup or leave a quoted attribute, and nothing else.
#include "text/html_escape.hpp"

#include <gtest/gtest.h>

#include <string>

namespace es::text {
namespace {

TEST(HtmlEscape, EscapesTheFiveMarkupCharacters) {
    EXPECT_EQ("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
              html_escape("<a href=\"x\" title='y'>&</a>"));
}

TEST(HtmlEscape, LeavesEverythingElseAsItIs) {
    EXPECT_EQ("Grüezi, Eva — 2026-12-06 (#1)", html_escape("Grüezi, Eva — 2026-12-06 (#1)"));
    EXPECT_EQ("", html_escape(""));
    EXPECT_EQ(std::string("a\0b", 3), html_escape(std::string_view("a\0b", 3)));
}

// Plain runs are copied whole: markup at either end, side by side, and alone.
TEST(HtmlEscape, EscapesAtTheEdgesAndSideBySide) {
    EXPECT_EQ("&lt;x", html_escape("<x"));
    EXPECT_EQ("x&gt;", html_escape("x>"));
    EXPECT_EQ("&amp;&amp;&#39;&quot;", html_escape("&&'\""));
    EXPECT_EQ("&lt;", html_escape("<"));
    EXPECT_EQ(std::string(5000, 'j') + "&amp;" + std::string(3, 'k'),
              html_escape(std::string(5000, 'j') + "&kkk"));
}

TEST(HtmlEscape, KeepsLineBreaksAsBrWhenAskedTo) {
    EXPECT_EQ("a &lt;b&gt;<br>c<br><br>&amp;", html_escape_lines("a <b>\r\nc\n\n&"));
    EXPECT_EQ("", html_escape_lines("\r"));
    EXPECT_EQ(html_escape("no break <here>"), html_escape_lines("no break <here>"));
}

TEST(HtmlEscape, EscapesAnEscapeAgain) {
    EXPECT_EQ("&amp;amp;", html_escape("&amp;"));
}

}  // namespace
}  // namespace es::text
