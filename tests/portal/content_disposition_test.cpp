#include "portal/http/content_disposition.hpp"

#include <gtest/gtest.h>

#include "portal/http/safe_filename.hpp"

namespace es::portal::http {
namespace {

TEST(ContentDisposition, PlainNameHasBothForms) {
    EXPECT_EQ("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf",
              attachment_disposition("report.pdf"));
}

TEST(ContentDisposition, QuotesAndBackslashesCannotEndTheQuotedString) {
    const auto h = attachment_disposition("a\"b\\c.pdf");
    EXPECT_EQ("attachment; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%22b_c.pdf", h);
}

TEST(ContentDisposition, LineBreaksAreRemoved) {
    const auto h = attachment_disposition("evil\r\nSet-Cookie: x=1.txt");
    EXPECT_EQ(std::string::npos, h.find('\r'));
    EXPECT_EQ(std::string::npos, h.find('\n'));
    EXPECT_NE(std::string::npos, h.find("filename=\"evilSet-Cookie: x=1.txt\""));
}

TEST(ContentDisposition, NonAsciiIsPercentEncodedInUtf8) {
    const auto h = attachment_disposition("Übersicht ü.pdf");
    EXPECT_EQ(
        "attachment; filename=\"_bersicht _.pdf\"; "
        "filename*=UTF-8''%C3%9Cbersicht%20%C3%BC.pdf",
        h);
}

TEST(SafeFilename, RightToLeftOverrideIsRemoved) {
    EXPECT_EQ("invoicefdp.exe", safe_filename("invoice\u202Efdp.exe"));
    EXPECT_EQ("ab", safe_filename("a\u200Fb\u2066"));
}

TEST(SafeFilename, PathSeparatorsAndDotNamesCannotEscape) {
    EXPECT_EQ("_etc_passwd", safe_filename("/etc/passwd"));
    EXPECT_EQ("_.._x", safe_filename("\\..\\x"));
    EXPECT_EQ("download", safe_filename(".."));
    EXPECT_EQ("download", safe_filename(""));
}

TEST(SafeFilename, InvalidUtf8BecomesUnderscore) {
    EXPECT_EQ("a_b", safe_filename("a\xff"
                                   "b"));
    EXPECT_EQ("a__b", safe_filename("a\xc0\xaf"
                                    "b"));  // overlong '/' is not a separator
}

TEST(SafeFilename, LongNamesKeepTheirExtension) {
    const std::string name = std::string(300, 'x') + ".pdf";
    const auto safe = safe_filename(name);
    EXPECT_LE(safe.size(), 200u);
    EXPECT_EQ(".pdf", safe.substr(safe.size() - 4));
}

}  // namespace
}  // namespace es::portal::http
