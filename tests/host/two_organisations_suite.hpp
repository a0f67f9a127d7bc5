// A suite of API tests on one sample host, started once for the suite (starting a host per test
// would dominate the run), with Anna (organisation 1) and Eva (organisation 2) signed in before
// each test. `Suite::host_options()` says how the host is made.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "test_host.hpp"

namespace host::test {

template <class Suite>
class TwoOrganisationsSuite : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { host_ = new TestHost(Suite::host_options()); }
    static void TearDownTestSuite() {
        delete host_;
        host_ = nullptr;
    }
    void SetUp() override {
        ASSERT_EQ(anna_.login("anna.meier", "demo-anna").status, 200);
        ASSERT_EQ(eva_.login("eva.schmid", "demo-eva").status, 200);
    }

    // The id of the first case `client` sees in its overview.
    static std::string first_case_of(ApiClient& client) {
        return client.get("/api/cases?page_size=1")
            .json()
            ->getArray("cases")
            ->getObject(0)
            ->getValue<std::string>("id");
    }

    inline static TestHost* host_ = nullptr;
    ApiClient anna_{host_->port()};
    ApiClient eva_{host_->port()};
};

}  // namespace host::test
