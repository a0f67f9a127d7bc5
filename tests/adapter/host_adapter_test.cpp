// The host adapter against a host of ABI 1.1 and one of 1.0 (the same fake host behind a
// CountingHost): a case read is one call or one call per part, the parts asked for only, and the
// host's statuses become the plugin's error kinds.
#include <gtest/gtest.h>

#include "counting_host.hpp"
#include "domain/error.hpp"
#include "fake_host.hpp"
#include "host/host_adapter.hpp"

namespace es::test {
void PrintTo(CountingHost::Abi abi, std::ostream* out) {
    *out << (abi == CountingHost::Abi::v1_1 ? "ABI 1.1" : "ABI 1.0");
}
}  // namespace es::test

namespace es::host {
namespace {

using test::CountingHost;

class HostAdapterTest : public ::testing::TestWithParam<CountingHost::Abi> {
  protected:
    HostAdapterTest() {
        portal::test::FakeCase c;
        c.organisation_id = "org-1";
        c.case_type = "permit";
        c.fields = {{"f1", {"Name", "Erika"}}};
        c.journal = {{"j1", "Hallo"}};
        fake_.put_case("case-1", c);
        fake_.put_user("u1", {"org-1", "Olga Owner", "olga@example.org", true});
    }
    bool v1_1() const { return GetParam() == CountingHost::Abi::v1_1; }

    portal::test::FakeHost fake_;
    CountingHost counting_{fake_.host(), GetParam()};
    HostAdapter adapter_{counting_.host()};
    domain::Actor org_{"org-1", "", domain::Language::En};
};

TEST_P(HostAdapterTest, AWholeCaseIsOneCallInA11HostAndThreeInA10Host) {
    EXPECT_EQ(v1_1(), adapter_.reads_case_in_one_call());
    const auto c = adapter_.read_case(org_, "case-1", domain::CaseParts::all());
    EXPECT_EQ("permit", c.case_type_id);
    EXPECT_EQ(1u, c.journal.size());
    EXPECT_EQ(v1_1() ? 1 : 3, counting_.reads()) << counting_.summary();
}

TEST_P(HostAdapterTest, OnlyThePartsAskedForAreRead) {
    const auto c = adapter_.read_case(org_, "case-1", domain::CaseParts::details_only());
    EXPECT_TRUE(c.journal.empty());
    EXPECT_EQ(1, counting_.reads()) << counting_.summary();
    EXPECT_EQ(0, counting_.calls("journal_entries") + counting_.calls("attachments"));
}

TEST_P(HostAdapterTest, AnotherOrganisationsCaseIsNotFoundAndAFailingHostUnavailable) {
    const domain::Actor other{"org-2", "", domain::Language::En};
    try {
        adapter_.read_case(other, "case-1", domain::CaseParts::all());
        ADD_FAILURE() << "read another organisation's case";
    } catch (const domain::Error& e) {
        EXPECT_EQ(domain::Error::Kind::NotFound, e.kind());
    }
    fake_.set_failing(true);
    try {
        adapter_.read_case(org_, "case-1", domain::CaseParts::all());
        ADD_FAILURE() << "read from a failing host";
    } catch (const domain::Error& e) {
        EXPECT_EQ(domain::Error::Kind::Unavailable, e.kind());
    }
}

TEST_P(HostAdapterTest, AUserTheHostDoesNotKnowIsNothing) {
    const auto olga = adapter_.user(org_, "u1");
    ASSERT_TRUE(olga.has_value());
    EXPECT_EQ("Olga Owner", olga->display_name);
    EXPECT_FALSE(adapter_.user(org_, "gone").has_value());
}

TEST_P(HostAdapterTest, JournalEntriesOnlyWhereTheHostTakesThem) {
    EXPECT_EQ(v1_1(), adapter_.writes_journal_entries());
    if (v1_1()) {
        adapter_.add_journal_entry(org_, "case-1", "Geteilt", true);
        EXPECT_EQ(std::vector<std::string>{"Geteilt"}, counting_.journal_texts());
    } else {
        EXPECT_THROW(adapter_.add_journal_entry(org_, "case-1", "Geteilt", true), domain::Error);
        EXPECT_TRUE(counting_.journal_texts().empty());
    }
}

INSTANTIATE_TEST_SUITE_P(Abi, HostAdapterTest,
                         ::testing::Values(CountingHost::Abi::v1_1, CountingHost::Abi::v1_0),
                         [](const auto& info) {
                             return info.param == CountingHost::Abi::v1_1 ? "Host1_1" : "Host1_0";
                         });

}  // namespace
}  // namespace es::host
