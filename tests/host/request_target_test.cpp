// What the sample host makes of a request it cannot read as asked: a target with a broken
// %-escape, a body that only looks like JSON by its first letters. Every such answer is the API's
// JSON error with the host's security headers, never an empty 500.
#include <gtest/gtest.h>

#include <string>

#include "test_host.hpp"

namespace host::test {
namespace {

class RequestTarget : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        TestHost::Options o;
        o.cases_per_organisation = 2;
        host_ = new TestHost(o);
    }
    static void TearDownTestSuite() {
        delete host_;
        host_ = nullptr;
    }
    void SetUp() override { ASSERT_EQ(200, anna_.login("anna.meier", "demo-anna").status); }

    static void expect_json_error(const HttpResult& r, int status, const std::string& code,
                                  const std::string& what) {
        EXPECT_EQ(status, r.status) << what << ": " << r.body;
        ASSERT_FALSE(r.body.empty()) << what;
        EXPECT_EQ(code, r.json()->getObject("error")->getValue<std::string>("code")) << what;
        EXPECT_EQ("nosniff", r.header("X-Content-Type-Options")) << what;
        EXPECT_FALSE(r.header("Content-Security-Policy").empty()) << what;
    }

    static TestHost* host_;
    ApiClient anna_{host_->port()};
};
TestHost* RequestTarget::host_ = nullptr;

TEST_F(RequestTarget, ABrokenPercentEscapeIsABadRequestInJson) {
    for (const std::string target :
         {"/api/me?%zz", "/api/cases?q=%", "/%", "/api/cases/%zz", "/api/cases?q=%G1"}) {
        expect_json_error(anna_.get(target), 400, "bad_request", target);
    }
    // A well-formed escape still works, and one that decodes to nothing known is not found.
    EXPECT_EQ(200, anna_.get("/api/cases?q=%4D").status);
    expect_json_error(anna_.get("/api/cases/%2525zz"), 404, "not_found", "double escape");
}

TEST_F(RequestTarget, OnlyJsonItselfIsJsonWhateverItsCase) {
    const std::string body = R"({"locale": "en"})";
    for (const std::string type :
         {"application/json", "APPLICATION/JSON", "application/json; charset=utf-8",
          "Application/Json ;charset=UTF-8"}) {
        EXPECT_EQ(200, anna_.send("PUT", "/api/me/locale", body, type).status) << type;
    }
    for (const std::string type : {"application/jsonx", "application/json-patch+json", "text/plain",
                                   "application/x-www-form-urlencoded"}) {
        expect_json_error(anna_.send("PUT", "/api/me/locale", body, type), 415,
                          "unsupported_media_type", type);
    }
}

}  // namespace
}  // namespace host::test
