// The column's id index: every listed id is found at its first position, nothing else is found,
// and it stays right when the table is crowded with colliding probe runs.
#include "store/sql/case_id_index.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace es::store::sql {
namespace {

TEST(CaseIdIndex, FindsEveryIdAtItsPosition) {
    std::vector<std::string> ids;
    for (int i = 0; i < 20000; ++i) {
        ids.push_back("case-" + std::to_string(i * 7));
    }
    const CaseIdIndex index(ids);
    EXPECT_FALSE(index.has_duplicates());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        ASSERT_EQ(index.find(ids[i]), i) << ids[i];
    }
    EXPECT_EQ(index.find("case-1"), CaseIdIndex::npos);
    EXPECT_EQ(index.find(""), CaseIdIndex::npos);
    EXPECT_EQ(index.find("case-0 "), CaseIdIndex::npos);
}

TEST(CaseIdIndex, DuplicatesPointToTheFirstOccurrence) {
    const std::vector<std::string> ids{"b", "a", "b", "c", "a"};
    const CaseIdIndex index(ids);
    EXPECT_TRUE(index.has_duplicates());
    EXPECT_EQ(index.find("b"), 0U);
    EXPECT_EQ(index.find("a"), 1U);
    EXPECT_EQ(index.find("c"), 3U);
}

TEST(CaseIdIndex, EmptyListFindsNothing) {
    const std::vector<std::string> ids;
    const CaseIdIndex index(ids);
    EXPECT_EQ(index.find("case-1"), CaseIdIndex::npos);
    EXPECT_FALSE(index.has_duplicates());
}

}  // namespace
}  // namespace es::store::sql
