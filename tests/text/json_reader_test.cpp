// The reader for the host's JSON answers: the grammar is strict, escapes decode to UTF-8, and on
// documents shaped like host answers it reads the same values as Poco::JSON (what it replaced).
#include "text/json_reader.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <string>

namespace es::text {
namespace {

TEST(JsonReader, ReadsObjectsArraysAndScalars) {
    const JsonValue v = parse_json(
        R"( {"id":"case-1","n":-12.5e+3,"ok":true,"no":false,"nothing":null,
             "list":[1, "two", {"three":3}], "empty":{}, "none":[]} )");
    ASSERT_TRUE(v.is_object());
    EXPECT_EQ("case-1", v.text_of("id"));
    EXPECT_EQ("-12.5e+3", v.text_of("n"));
    EXPECT_EQ("true", v.text_of("ok"));
    EXPECT_EQ("false", v.text_of("no"));
    EXPECT_EQ("", v.text_of("nothing"));
    EXPECT_EQ(JsonValue::Kind::Null, v.member("nothing")->kind());
    EXPECT_EQ(nullptr, v.member("absent"));
    EXPECT_EQ("", v.text_of("absent"));
    const auto& list = v.member("list")->items();
    ASSERT_EQ(3u, list.size());
    EXPECT_EQ("1", list[0].text());
    EXPECT_EQ("two", list[1].text());
    EXPECT_EQ("3", list[2].text_of("three"));
    EXPECT_TRUE(v.member("empty")->is_object());
    EXPECT_TRUE(v.member("none")->items().empty());
}

TEST(JsonReader, LastOfRepeatedNamesWins) {
    EXPECT_EQ("b", parse_json(R"({"k":"a","k":"b"})").text_of("k"));
}

TEST(JsonReader, DecodesEscapesAndSurrogatePairsToUtf8) {
    const JsonValue v =
        parse_json(R"(["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u20ac", "\ud83d\ude00", "\u0000x"])");
    const auto& s = v.items();
    EXPECT_EQ(std::string("a\"b\\c/d\b\f\n\r\t"), s[0].text());
    EXPECT_EQ("\xC3\xA9\xE2\x82\xAC", s[1].text());  // é €
    EXPECT_EQ("\xF0\x9F\x98\x80", s[2].text());      // U+1F600
    EXPECT_EQ(std::string("\0x", 2), s[3].text());
    EXPECT_EQ("\xE2\x80\x8F", parse_json(R"("\u200F")").text());  // right-to-left mark
}

TEST(JsonReader, RefusesWhatIsNotJson) {
    for (const char* bad : {"",
                            " ",
                            "{",
                            "[1,]",
                            "{\"a\":1,}",
                            "{'a':1}",
                            "[01]",
                            "[1.]",
                            "[.5]",
                            "[1e]",
                            "[-]",
                            "[+1]",
                            "tru",
                            "nul",
                            "\"abc",
                            "\"a\nb\"",
                            "\"\\x\"",
                            "\"\\u12\"",
                            "\"\\ud83d\"",
                            "\"\\ude00\"",
                            "\"\\ud83d\\u0041\"",
                            "[1] [2]",
                            "{\"a\" 1}",
                            "{1:2}",
                            "[1 2]",
                            "/* c */ 1",
                            "NaN",
                            "[Infinity]"}) {
        EXPECT_THROW(parse_json(bad), JsonError) << bad;
    }
}

TEST(JsonReader, BoundsNesting) {
    EXPECT_NO_THROW(parse_json(std::string(60, '[') + std::string(60, ']')));
    EXPECT_THROW(parse_json(std::string(100000, '[') + std::string(100000, ']')), JsonError);
}

TEST(JsonReader, WholeNumbersOnlyForUnsignedIntegers) {
    const JsonValue v = parse_json(R"([5368709120, "42", -1, 1.5, 1e3, true, "x"])");
    const auto& n = v.items();
    EXPECT_EQ(5368709120ULL, n[0].unsigned_integer());
    EXPECT_EQ(42ULL, n[1].unsigned_integer());
    for (std::size_t i = 2; i < n.size(); ++i) {
        EXPECT_THROW(n[i].unsigned_integer(), JsonError) << n[i].text();
    }
}

// The answers the host gives on the page path, read by both parsers: same texts, same numbers.
TEST(JsonReader, ReadsHostAnswersAsPocoDid) {
    const std::string answer = R"([
      {"id":"a1","name":"Bericht \"final\" \u00fc\u200f.pdf","size":1048576,
       "media_type":"application/pdf","modified":"2026-01-05T10:00:00Z","sha256":"ab12",
       "extra":{"nested":[1,2,{"x":null}]}},
      {"id":"a2","name":"line\r\nbreak<script>","size":0,"media_type":"text/plain",
       "modified":"","sha256":""}
    ])";
    const JsonValue mine = parse_json(answer);
    Poco::JSON::Parser parser;
    const auto poco = parser.parse(answer).extract<Poco::JSON::Array::Ptr>();
    ASSERT_EQ(poco->size(), mine.items().size());
    for (std::size_t i = 0; i < poco->size(); ++i) {
        const auto o = poco->getObject(static_cast<unsigned>(i));
        const JsonValue& m = mine.items()[i];
        for (const char* key : {"id", "name", "media_type", "modified", "sha256"}) {
            EXPECT_EQ(o->get(key).convert<std::string>(), m.text_of(key)) << key;
        }
        EXPECT_EQ(o->get("size").convert<std::uint64_t>(), m.member("size")->unsigned_integer());
    }
}

}  // namespace
}  // namespace es::text
