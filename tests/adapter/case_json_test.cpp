// The host's JSON as plugin values (host/case_json, host/user_json): what is read, and what is
// refused as the host's fault instead of being guessed.
#include <gtest/gtest.h>

#include "host/case_json.hpp"
#include "host/user_json.hpp"
#include "text/json_reader.hpp"

namespace es::host {
namespace {

const char* const kCase =
    R"({"details":{"id":"c1","number":"2026-17","title":"Muster","status":"open",)"
    R"("case_type":{"id":"permit","name":"Permit"},"fields":[{"id":"f1","label":"Name",)"
    R"("value":"Erika"}],"correspondent":{"name":"Eva","email":"eva@example.org","phone":""}},)"
    R"("journal":[{"id":"j1","date":"2026-01-05T10:00:00Z","author":"Anna","text":"Hallo",)"
    R"("internal":true}],"attachments":[{"id":"a1","name":"plan.pdf","size":1234,)"
    R"("media_type":"application/pdf","modified":"2026-01-02T03:04:05Z","sha256":""}]})";

TEST(CaseJson, ReadsEveryPartOfTheAnswer) {
    const auto c = case_from_json(kCase, "c1", domain::CaseParts::all());
    EXPECT_EQ("c1", c.id);
    EXPECT_EQ(domain::CaseParts::all(), c.parts);
    EXPECT_EQ("2026-17 Muster", c.reference());
    EXPECT_EQ("permit", c.case_type_id);
    EXPECT_EQ("eva@example.org", c.correspondent.email);
    ASSERT_EQ(1u, c.fields.size());
    EXPECT_EQ("Erika", c.fields[0].value);
    ASSERT_EQ(1u, c.journal.size());
    EXPECT_TRUE(c.journal[0].internal);
    ASSERT_EQ(1u, c.attachments.size());
    EXPECT_EQ(1234u, c.attachments[0].size);
    EXPECT_EQ((std::vector<std::string>{"a1"}), c.items().attachments);
}

TEST(CaseJson, APartNotAskedForStaysEmptyAndIsNotRequired) {
    const auto c =
        case_from_json(R"({"attachments":[]})", "c1", domain::CaseParts{false, false, true});
    EXPECT_TRUE(c.case_type_id.empty());
    EXPECT_FALSE(c.parts.details);
}

TEST(CaseJson, APartAskedForButMissingIsTheHostsFault) {
    EXPECT_THROW(
        case_from_json(R"({"details":{"case_type":{"id":"t"}}})", "c1", domain::CaseParts::all()),
        text::JsonError);
    EXPECT_THROW(case_from_json(R"({"journal":{}})", "c1", domain::CaseParts{false, true, false}),
                 text::JsonError);
}

TEST(CaseJson, DetailsWithoutACaseTypeAreRefusedNotGuessed) {
    EXPECT_THROW(
        case_from_json(R"({"details":{"number":"1"}})", "c1", domain::CaseParts::details_only()),
        text::JsonError);
}

TEST(CaseJson, ANegativeSizeOrBrokenJsonIsRefused) {
    EXPECT_THROW(case_from_json(R"({"attachments":[{"id":"a","size":-1}]})", "c1",
                                domain::CaseParts{false, false, true}),
                 text::JsonError);
    EXPECT_THROW(case_from_json(R"({"attachments":[)", "c1", domain::CaseParts{false, false, true}),
                 text::JsonError);
}

TEST(CaseJson, CaseTypesNeedAnId) {
    const auto types = case_types_from_json(R"([{"id":"t1","name":"Eins"},{"id":"t2"}])");
    ASSERT_EQ(2u, types.size());
    EXPECT_EQ("Eins", types[0].name);
    EXPECT_THROW(case_types_from_json(R"([{"name":"x"}])"), text::JsonError);
}

TEST(UserJson, ReadsRolesActivityAndTheOrganisationsName) {
    const auto u = user_from_json(
        R"({"id":"u1","display_name":"Anna","email":"a@example.org","active":false,)"
        R"("roles":["caseworker","organisation_admin"],"organisation_name":"Sozialamt"})");
    EXPECT_EQ("Anna", u.display_name);
    EXPECT_FALSE(u.active);
    EXPECT_TRUE(u.has_role("organisation_admin"));
    EXPECT_FALSE(u.has_role("auditor"));
    EXPECT_EQ("Sozialamt", u.organisation_name);
    EXPECT_TRUE(user_from_json(R"({"id":"u2"})").active) << "active unless said otherwise";
    EXPECT_THROW(user_from_json("[]"), text::JsonError);
}

}  // namespace
}  // namespace es::host
