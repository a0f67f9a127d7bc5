#include "text/ascii_transliteration.hpp"

#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace es::text {
namespace {

TEST(AsciiTransliteration, GermanUmlautsAreWrittenOut) {
    EXPECT_EQ("Bericht ueber Laerm", ascii_transliteration("Bericht über Lärm"));
    EXPECT_EQ("Strasse", ascii_transliteration("Straße"));
}

TEST(AsciiTransliteration, OtherScriptsAreRomanised) {
    EXPECT_EQ("Resume ete", ascii_transliteration("Résumé été"));
    EXPECT_EQ("repoto", ascii_transliteration("レポート"));
    EXPECT_EQ("Otcet", ascii_transliteration("Отчёт"));
}

TEST(AsciiTransliteration, WorksFromManyThreadsAtOnce) {
    std::vector<std::thread> threads;
    std::vector<std::string> results(8);
    for (std::size_t i = 0; i < results.size(); ++i) {
        threads.emplace_back([&, i] { results[i] = ascii_transliteration("Ärger"); });
    }
    for (auto& t : threads) {
        t.join();
    }
    for (const auto& r : results) {
        EXPECT_EQ("Aerger", r);
    }
}

}  // namespace
}  // namespace es::text
