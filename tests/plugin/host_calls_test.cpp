// What the module costs its host, counted at the C ABI (CountingHost) with the real module: each
// request reads its case once — one dm.cases 1.1 read_case, or the three 1.0 calls it replaces in
// a 1.0 host — and passes what it read along instead of asking again.
//
// Journal entries the module writes on purpose (link created, first opened) are not counted here:
// they are what it records, not what it reads; journal_entries_test.cpp checks them.
#include <gtest/gtest.h>

#include "module_harness.hpp"

namespace es::test {
namespace {

struct Budget {
    CountingHost::Abi abi;
    int case_read;  // the calls one read of a whole case costs in this host
};

void PrintTo(const Budget& b, std::ostream* out) {
    *out << (b.abi == CountingHost::Abi::v1_1 ? "a 1.1 host" : "a 1.0 host");
}

class HostCalls : public ::testing::TestWithParam<Budget> {
  protected:
    ModuleHarness module_{"host-calls", GetParam().abi};
};

TEST_P(HostCalls, ShareCreationReadsTheCaseOnce) {
    module_.host().reset();
    ASSERT_FALSE(module_.create_share().empty());
    // The case (which also proves the user may see it), the sender's name (for the link's mail
    // and the panel) and the organisation's active users (the licence's seats): three calls in a
    // 1.1 host, where it took thirteen before the case was read once per request.
    EXPECT_LE(module_.host().reads(), GetParam().case_read + 2) << module_.host().summary();
    EXPECT_LE(module_.host().calls("user"), 1) << module_.host().summary();
    if (GetParam().abi == CountingHost::Abi::v1_1) {
        EXPECT_EQ(module_.host().calls("read_case"), 1) << module_.host().summary();
    }
}

TEST_P(HostCalls, ThePanelReadsTheCaseOnce) {
    ASSERT_FALSE(module_.create_share().empty());
    ASSERT_FALSE(module_.create_share().empty());
    module_.host().reset();
    const std::string panel = module_.panel();
    EXPECT_NE(panel.find("Anna Beispiel"), std::string::npos) << "the links' creator is named";
    EXPECT_LE(module_.host().reads(), GetParam().case_read) << module_.host().summary();
}

TEST_P(HostCalls, TheColumnAsksTheHostAtMostOnce) {
    ASSERT_FALSE(module_.create_share().empty());
    module_.host().reset();
    const std::string column = module_.column();
    EXPECT_NE(column.find("link"), std::string::npos) << column;
    EXPECT_LE(module_.host().reads(), 1) << module_.host().summary();
}

TEST_P(HostCalls, APortalPageReadsTheCaseOnce) {
    const std::string path = module_.create_share();
    ASSERT_FALSE(path.empty());
    for (int visit = 0; visit < 2; ++visit) {
        module_.host().reset();
        const auto page = module_.get(path);
        ASSERT_EQ(200, page.status);
        EXPECT_NE(page.body.find("ZH-4711"), std::string::npos) << "the shared field is shown";
        EXPECT_LE(module_.host().reads(), GetParam().case_read)
            << "visit " << visit << ": " << module_.host().summary();
    }
}

INSTANTIATE_TEST_SUITE_P(Abi, HostCalls,
                         ::testing::Values(Budget{CountingHost::Abi::v1_1, 1},
                                           Budget{CountingHost::Abi::v1_0, 3}),
                         [](const auto& info) {
                             return info.param.abi == CountingHost::Abi::v1_1 ? "Host1_1"
                                                                              : "Host1_0";
                         });

}  // namespace
}  // namespace es::test
