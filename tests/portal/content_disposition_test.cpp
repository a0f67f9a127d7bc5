#include "portal/http/content_disposition.hpp"

#include <gtest/gtest.h>

#include <ostream>

#include "portal/http/safe_filename.hpp"

namespace es::portal::http {
namespace {

TEST(ContentDisposition, PlainNameHasBothForms) {
    EXPECT_EQ("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf",
              attachment_disposition("report.pdf", "C-1-a1"));
}

TEST(ContentDisposition, QuotesAndBackslashesCannotEndTheQuotedString) {
    const auto h = attachment_disposition("a\"b\\c.pdf", "C-1-a1");
    EXPECT_EQ("attachment; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%22b_c.pdf", h);
}

TEST(ContentDisposition, LineBreaksAreRemoved) {
    const auto h = attachment_disposition("evil\r\nSet-Cookie: x=1.txt", "C-1-a1");
    EXPECT_EQ(std::string::npos, h.find('\r'));
    EXPECT_EQ(std::string::npos, h.find('\n'));
    EXPECT_NE(std::string::npos, h.find("filename=\"evilSet-Cookie_ x=1.txt\""));
}

TEST(ContentDisposition, NonAsciiIsPercentEncodedInUtf8AndTransliteratedInTheAsciiForm) {
    const auto h = attachment_disposition("Übersicht ü.pdf", "C-1-a1");
    EXPECT_EQ(
        "attachment; filename=\"Uebersicht ue.pdf\"; "
        "filename*=UTF-8''%C3%9Cbersicht%20%C3%BC.pdf",
        h);
}

// The plain filename= is what curl -J and older clients save under: readable, never "_.txt".
TEST(AsciiFilename, GermanNamesSpellOutTheirUmlauts) {
    EXPECT_EQ("Bericht ueber Laerm.pdf", ascii_filename("Bericht über Lärm.pdf", "C-1-a1"));
    EXPECT_EQ("Gruesse an Strasse 5.docx", ascii_filename("Grüße an Straße 5.docx", "C-1-a1"));
}

TEST(AsciiFilename, FrenchAccentsAreDropped) {
    EXPECT_EQ("Resume de l'ete (copie).odt",
              ascii_filename("Résumé de l'été (copie).odt", "C-1-a1"));
}

TEST(AsciiFilename, JapaneseIsRomanised) {
    EXPECT_EQ("repoto.txt", ascii_filename("レポート.txt", "C-1-a1"));
    const std::string kanji = ascii_filename("報告書.txt", "C-1-a1");
    EXPECT_NE("_.txt", kanji);
    EXPECT_EQ(".txt", kanji.substr(kanji.size() - 4));
}

TEST(AsciiFilename, CyrillicIsRomanised) {
    EXPECT_EQ("Otcet 2024.pdf", ascii_filename("Отчёт 2024.pdf", "C-1-a1"));
}

TEST(AsciiFilename, NothingReadableLeftFallsBackToCaseNumberAndItemId) {
    EXPECT_EQ("MH-2024-00002-a7.txt",
              ascii_filename(safe_filename("★★★.txt"), fallback_stem("MH-2024-00002", "a7")));
    EXPECT_EQ("a7.txt", ascii_filename(safe_filename("★.txt"), fallback_stem("", "a7")));
    EXPECT_EQ("download", ascii_filename(safe_filename("★"), fallback_stem("", "")));
    EXPECT_TRUE(needs_fallback_stem("★★★.txt"));
    EXPECT_FALSE(needs_fallback_stem("Lärm.txt"));
}

TEST(AsciiFilename, RightToLeftOverrideCannotDisguiseTheExtension) {
    // "invoice<RLO>fdp.exe" displays as "invoiceexe.pdf"; the ASCII name shows the real extension.
    const auto h = attachment_disposition("invoice\u202Efdp.exe", "C-1-a1");
    EXPECT_NE(std::string::npos, h.find("filename=\"invoicefdp.exe\"")) << h;
    EXPECT_EQ(std::string::npos, h.find("%E2%80%AE")) << h;
}

TEST(AsciiFilename, ControlCharactersAndHeaderBreakersAreGone) {
    const auto h = attachment_disposition("Lärm\x01\t\r\n\"%;\\x.pdf", "C-1-a1");
    const auto quoted = h.substr(0, h.find("; filename*="));
    EXPECT_EQ("attachment; filename=\"Laerm_x.pdf\"", quoted);
    for (char c : h) {
        EXPECT_TRUE(static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F)
            << h;
    }
}

TEST(AsciiFilename, ANonAsciiExtensionIsTransliteratedToo) {
    EXPECT_EQ("notiz.doku", ascii_filename("notiz.doku", "C-1-a1"));
    EXPECT_EQ("Plan.shema", ascii_filename("Plan.схема", "C-1-a1"));
}

// A name as the host gives it and the name it is saved under.
struct SafeName {
    const char* name;
    const char* given;
    const char* safe;
};

const SafeName kSafeNames[] = {
    {"RightToLeftOverrideIsRemoved", "invoice\u202Efdp.exe", "invoicefdp.exe"},
    {"DirectionMarksAreRemoved", "a\u200Fb\u2066", "ab"},
    {"SlashesCannotEscape", "/etc/passwd", "_etc_passwd"},
    {"BackslashesAndDotsCannotEscape", "\\..\\x", "_.._x"},
    {"TwoDotsAreNoName", "..", "download"},
    {"NothingIsNoName", "", "download"},
    // Octal escapes end after three digits: "\377b" is the byte 0xFF, then "b".
    {"InvalidUtf8BecomesUnderscore", "a\377b", "a_b"},
    {"AnOverlongSlashIsNoSeparator", "a\300\257b", "a__b"},
};

// A case is shown by its name (in ctest's list too), not as bytes.
void PrintTo(const SafeName& c, std::ostream* os) {
    *os << c.name;
}

class SafeNames : public ::testing::TestWithParam<SafeName> {};

TEST_P(SafeNames, CannotEscapeOrDisguise) {
    EXPECT_EQ(GetParam().safe, safe_filename(GetParam().given));
}

INSTANTIATE_TEST_SUITE_P(SafeFilename, SafeNames, ::testing::ValuesIn(kSafeNames),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(SafeFilename, LongNamesKeepTheirExtension) {
    const std::string name = std::string(300, 'x') + ".pdf";
    const auto safe = safe_filename(name);
    EXPECT_LE(safe.size(), 200u);
    EXPECT_EQ(".pdf", safe.substr(safe.size() - 4));
}

}  // namespace
}  // namespace es::portal::http
