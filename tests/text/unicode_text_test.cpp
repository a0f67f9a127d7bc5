// Names as people see them and as file systems compare them (text/unicode_text.hpp).
#include <gtest/gtest.h>

#include "text/unicode_text.hpp"

namespace es::text {
namespace {

TEST(UnicodeText, MarksThatDrawNothingButChangeTheReadingAreTakenOut) {
    // U+202E RIGHT-TO-LEFT OVERRIDE would show "Rechnungexe.jpg".
    EXPECT_EQ("Rechnunggpj.exe", without_hidden_marks("Rechnung\u202Egpj.exe"));
    EXPECT_EQ("invoice.pdf", without_hidden_marks("in\u200Bvoice.pdf"));
    EXPECT_EQ("ab", without_hidden_marks("a\u2066\u2069\u200E\u200F\uFEFF\u2060b"));
    EXPECT_EQ("ab", without_hidden_marks("a\r\n\u2028\u2029\x7F"
                                         "b"));
    EXPECT_TRUE(has_hidden_marks("Rechnung\u202Egpj.exe"));
    EXPECT_TRUE(has_hidden_marks("a\tb"));
    // Letters, accents, other scripts and symbols stay.
    for (const char* kept :
         {"Bericht über Lärm.pdf", "報告書.txt", "ملف.pdf", "Plan 😀.png", "A\u0308rger"}) {
        EXPECT_EQ(kept, without_hidden_marks(kept));
        EXPECT_FALSE(has_hidden_marks(kept)) << kept;
    }
}

TEST(UnicodeText, NfcComposesAndTheFileKeyMeetsWhatFileSystemsMerge) {
    EXPECT_EQ("Übersicht", nfc("U\u0308bersicht"));
    EXPECT_EQ("Übersicht", nfc("Übersicht"));
    EXPECT_EQ(same_file_key("Ärger.pdf"), same_file_key("ärger.pdf"));
    EXPECT_EQ(same_file_key("Ärger.pdf"), same_file_key("A\u0308RGER.PDF"));
    EXPECT_EQ(same_file_key("Straße"), same_file_key("STRASSE"));
    EXPECT_NE(same_file_key("Ärger.pdf"), same_file_key("Arger.pdf"));
    EXPECT_NE(same_file_key("a.pdf"), same_file_key("b.pdf"));
}

TEST(UnicodeText, InvalidUtf8ComesOutReplacedNotCut) {
    EXPECT_EQ("a\uFFFDb", without_hidden_marks("a\xFF"
                                               "b"));
}

}  // namespace
}  // namespace es::text
