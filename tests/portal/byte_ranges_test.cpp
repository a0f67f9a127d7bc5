#include "portal/http/byte_ranges.hpp"

#include <gtest/gtest.h>

namespace es::portal::http {
namespace {

using Outcome = RangeRequest::Outcome;

TEST(ByteRanges, FirstByteOnly) {
    auto r = parse_range("bytes=0-0", 100, 8);
    ASSERT_EQ(Outcome::Partial, r.outcome);
    EXPECT_EQ((std::vector<ByteRange>{{0, 0}}), r.ranges);
}

TEST(ByteRanges, SuffixOfOneIsTheLastByte) {
    auto r = parse_range("bytes=-1", 100, 8);
    ASSERT_EQ(Outcome::Partial, r.outcome);
    EXPECT_EQ((std::vector<ByteRange>{{99, 99}}), r.ranges);
}

TEST(ByteRanges, SuffixLongerThanFileIsTheWholeFile) {
    auto r = parse_range("bytes=-500", 100, 8);
    EXPECT_EQ((std::vector<ByteRange>{{0, 99}}), r.ranges);
}

TEST(ByteRanges, OpenEndedRunsToTheEnd) {
    auto r = parse_range("bytes=90-", 100, 8);
    EXPECT_EQ((std::vector<ByteRange>{{90, 99}}), r.ranges);
}

TEST(ByteRanges, LastPositionBeyondEndIsClipped) {
    auto r = parse_range("bytes=50-1000", 100, 8);
    EXPECT_EQ((std::vector<ByteRange>{{50, 99}}), r.ranges);
}

TEST(ByteRanges, StartBeyondEndIsUnsatisfiable) {
    EXPECT_EQ(Outcome::Unsatisfiable, parse_range("bytes=100-", 100, 8).outcome);
    EXPECT_EQ(Outcome::Unsatisfiable, parse_range("bytes=-0", 100, 8).outcome);
    EXPECT_EQ(Outcome::Unsatisfiable,
              parse_range("bytes=99999999999999999999999-", 100, 8).outcome);
}

TEST(ByteRanges, MalformedHeadersAreIgnored) {
    for (const char* h : {"bytes=5-1", "bytes=a-b", "bytes=", "items=0-1", "bytes 0-1",
                          "bytes=1-2-3", "bytes=--1", "bytes=0x10-"}) {
        EXPECT_EQ(Outcome::Full, parse_range(h, 100, 8).outcome) << h;
    }
}

TEST(ByteRanges, SeveralRangesAreSortedAndMerged) {
    auto r = parse_range("bytes=50-59, 0-9,5-14 ,70-", 100, 8);
    ASSERT_EQ(Outcome::Partial, r.outcome);
    EXPECT_EQ((std::vector<ByteRange>{{0, 14}, {50, 59}, {70, 99}}), r.ranges);
}

TEST(ByteRanges, MoreRangesThanAllowedGetTheFullFile) {
    EXPECT_EQ(Outcome::Full, parse_range("bytes=0-0,2-2,4-4", 100, 2).outcome);
    EXPECT_EQ(Outcome::Partial, parse_range("bytes=0-0,2-2", 100, 2).outcome);
}

TEST(ByteRanges, UnitIsCaseInsensitive) {
    EXPECT_EQ(Outcome::Partial, parse_range("Bytes=0-1", 100, 8).outcome);
}

TEST(ByteRanges, EmptyFileIgnoresRanges) {
    EXPECT_EQ(Outcome::Full, parse_range("bytes=0-0", 0, 8).outcome);
}

}  // namespace
}  // namespace es::portal::http
