// The case overview and case view through the JSON API: listing, sorting, paging, filtering,
// isolation between organisations, attachments, errors.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include "auth/tokens.hpp"
#include "two_organisations_suite.hpp"

namespace host::test {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

class CaseApi : public TwoOrganisationsSuite<CaseApi> {
  public:
    static TestHost::Options host_options() { return TestHost::Options{true, 120, {}, true}; }

  protected:
    static std::vector<std::string> ids(const HttpResult& r) {
        std::vector<std::string> out;
        auto cases = r.json()->getArray("cases");
        for (std::size_t i = 0; i < cases->size(); ++i) {
            out.push_back(cases->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
        }
        return out;
    }
    static std::string error_code(const HttpResult& r) {
        return r.json()->getObject("error")->getValue<std::string>("code");
    }
};

TEST_F(CaseApi, FirstPageHasFiftyCasesAndTheTotal) {
    auto r = anna_.get("/api/cases");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()->getValue<int>("total"), 120);
    EXPECT_EQ(ids(r).size(), 50u);
}

TEST_F(CaseApi, PagesDoNotOverlapAndTheLastIsPartial) {
    auto p1 = ids(anna_.get("/api/cases?page=1&page_size=50"));
    auto p2 = ids(anna_.get("/api/cases?page=2&page_size=50"));
    auto p3 = ids(anna_.get("/api/cases?page=3&page_size=50"));
    EXPECT_EQ(p3.size(), 20u);
    std::set<std::string> all(p1.begin(), p1.end());
    all.insert(p2.begin(), p2.end());
    all.insert(p3.begin(), p3.end());
    EXPECT_EQ(all.size(), 120u);
}

TEST_F(CaseApi, SortsByTitleDescending) {
    auto r = anna_.get("/api/cases?sort=title&dir=desc&page_size=100");
    ASSERT_EQ(r.status, 200);
    auto cases = r.json()->getArray("cases");
    auto lower = [](std::string s) {
        for (auto& c : s)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    for (std::size_t i = 1; i < cases->size(); ++i) {
        auto a =
            lower(cases->getObject(static_cast<unsigned>(i - 1))->getValue<std::string>("title"));
        auto b = lower(cases->getObject(static_cast<unsigned>(i))->getValue<std::string>("title"));
        EXPECT_GE(a, b) << "row " << i;
    }
}

TEST_F(CaseApi, SortsByNumberAscendingByDefault) {
    auto cases = anna_.get("/api/cases").json()->getArray("cases");
    EXPECT_EQ(cases->getObject(0)->getValue<std::string>("number"), "MH-2024-00001");
}

TEST_F(CaseApi, FiltersByTextAndStatus) {
    auto r = anna_.get("/api/cases?q=MH-2024-00007");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.json()->getValue<int>("total"), 1);
    auto closed = anna_.get("/api/cases?status=closed&page_size=200").json()->getArray("cases");
    ASSERT_GT(closed->size(), 0u);
    for (std::size_t i = 0; i < closed->size(); ++i) {
        EXPECT_EQ(closed->getObject(static_cast<unsigned>(i))->getValue<std::string>("status"),
                  "closed");
    }
}

TEST_F(CaseApi, UnknownSortKeyIsABadRequestNamingTheField) {
    auto r = anna_.get("/api/cases?sort=password_hash");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.json()->getObject("error")->getValue<std::string>("field"), "sort");
    EXPECT_EQ(anna_.get("/api/cases?page_size=5000").status, 400);
}

TEST_F(CaseApi, EachOrganisationSeesOnlyItsOwnCases) {
    auto mine = ids(anna_.get("/api/cases?page_size=200"));
    auto theirs = ids(eva_.get("/api/cases?page_size=200"));
    for (const auto& id : theirs) {
        EXPECT_TRUE(std::find(mine.begin(), mine.end(), id) == mine.end());
    }
}

TEST_F(CaseApi, CaseOfAnotherOrganisationIsNotFound) {
    std::string foreign = ids(eva_.get("/api/cases?page_size=1"))[0];
    ASSERT_EQ(eva_.get("/api/cases/" + foreign).status, 200);
    for (const std::string& path : {"/api/cases/" + foreign, "/api/cases/" + foreign + "/journal",
                                    "/api/cases/" + foreign + "/attachments"}) {
        auto r = anna_.get(path);
        EXPECT_EQ(r.status, 404) << path;
        EXPECT_EQ(error_code(r), "not_found");
    }
    EXPECT_EQ(anna_.post("/api/cases/" + foreign + "/close", "").status, 404);
    // The same answer as for an id that exists nowhere.
    EXPECT_EQ(anna_.get("/api/cases/999999").body, anna_.get("/api/cases/" + foreign).body);
}

TEST_F(CaseApi, AttachmentOfAnotherOrganisationIsNotFound) {
    // Find one of Seeland's cases with an attachment.
    for (const auto& id : ids(eva_.get("/api/cases?page_size=10"))) {
        auto list = eva_.get("/api/cases/" + id + "/attachments").json()->getArray("attachments");
        if (list->size() == 0)
            continue;
        std::string aid = list->getObject(0)->getValue<std::string>("id");
        std::string path = "/api/cases/" + id + "/attachments/" + aid + "/content";
        EXPECT_EQ(eva_.get(path).status, 200);
        EXPECT_EQ(anna_.get(path).status, 404);
        EXPECT_EQ(anna_.del("/api/cases/" + id + "/attachments/" + aid).status, 404);
        return;
    }
    FAIL() << "no Seeland case with an attachment in the first ten";
}

TEST_F(CaseApi, CaseViewHasDetailsJournalAndAttachments) {
    auto r = anna_.get("/api/cases/1");
    ASSERT_EQ(r.status, 200) << r.body;
    auto c = r.json();
    EXPECT_EQ(c->getValue<std::string>("number"), "MH-2024-00001");
    EXPECT_GE(c->getArray("fields")->size(), 5u);
    EXPECT_TRUE(c->getObject("correspondent")->has("phone"));
    auto journal = anna_.get("/api/cases/1/journal").json()->getArray("entries");
    EXPECT_GE(journal->size(), 1u);
    EXPECT_TRUE(journal->getObject(0)->has("internal"));
}

TEST_F(CaseApi, SomeCorrespondentsHaveNoPhone) {
    int with = 0, without = 0;
    for (int id = 1; id <= 10; ++id) {
        auto c = anna_.get("/api/cases/" + std::to_string(id)).json();
        (c->getObject("correspondent")->getValue<std::string>("phone").empty() ? without : with)++;
    }
    EXPECT_GT(with, 0);
    EXPECT_GT(without, 0);
}

TEST_F(CaseApi, DownloadedAttachmentMatchesItsChecksum) {
    for (int id = 1; id <= 8; ++id) {
        std::string base = "/api/cases/" + std::to_string(id) + "/attachments";
        auto list = anna_.get(base).json()->getArray("attachments");
        if (list->size() == 0)
            continue;
        auto a = list->getObject(0);
        auto r = anna_.get(base + "/" + a->getValue<std::string>("id") + "/content");
        ASSERT_EQ(r.status, 200);
        EXPECT_EQ(static_cast<std::int64_t>(r.body.size()), a->getValue<std::int64_t>("size"));
        EXPECT_EQ(Tokens::sha256_hex(r.body), a->getValue<std::string>("sha256"));
        EXPECT_NE(r.header("Content-Disposition").find("attachment;"), std::string::npos);
        return;
    }
    FAIL() << "no attachment found";
}

TEST_F(CaseApi, MalformedJsonIsABadRequestWithAMessage) {
    auto r = anna_.put("/api/preferences/columns", "{\"visible\": [\"number\",");
    EXPECT_EQ(r.status, 400);
    auto error = r.json()->getObject("error");
    EXPECT_EQ(error->getValue<std::string>("code"), "malformed_json");
    EXPECT_FALSE(error->getValue<std::string>("message").empty());
    auto wrong_shape = anna_.put("/api/preferences/columns", "{\"visible\": 7}");
    EXPECT_EQ(wrong_shape.status, 400);
    EXPECT_EQ(wrong_shape.json()->getObject("error")->getValue<std::string>("field"), "visible");
}

TEST_F(CaseApi, ColumnChoiceIsStoredPerUser) {
    EXPECT_TRUE(anna_.get("/api/preferences/columns").json()->get("visible").isEmpty());
    auto r = anna_.put("/api/preferences/columns", "{\"visible\":[\"number\",\"title\",\"p/x\"]}");
    ASSERT_EQ(r.status, 200) << r.body;
    auto visible = anna_.get("/api/preferences/columns").json()->getArray("visible");
    ASSERT_EQ(visible->size(), 3u);
    EXPECT_EQ(visible->getElement<std::string>(2), "p/x");
    EXPECT_TRUE(eva_.get("/api/preferences/columns").json()->get("visible").isEmpty());
}

TEST_F(CaseApi, ClosingACaseClosesItOnce) {
    auto r = anna_.post("/api/cases/2/close", "");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()->getValue<std::string>("status"), "closed");
    EXPECT_EQ(anna_.post("/api/cases/2/close", "").status, 409);
}

TEST_F(CaseApi, DeletedAttachmentIsGone) {
    for (int id = 30; id <= 40; ++id) {
        std::string base = "/api/cases/" + std::to_string(id) + "/attachments";
        auto list = anna_.get(base).json()->getArray("attachments");
        if (list->size() == 0)
            continue;
        std::string aid = list->getObject(0)->getValue<std::string>("id");
        EXPECT_EQ(anna_.del(base + "/" + aid).status, 204);
        EXPECT_EQ(anna_.get(base).json()->getArray("attachments")->size(), list->size() - 1);
        EXPECT_EQ(anna_.get(base + "/" + aid + "/content").status, 404);
        return;
    }
    FAIL() << "no attachment found";
}

TEST_F(CaseApi, UnknownApiPathIsJson404AndUiIsServed) {
    auto r = anna_.get("/api/nothing-here");
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(error_code(r), "not_found");
    auto page = anna_.get("/");
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.header("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
    EXPECT_EQ(anna_.get("/static/../CMakeLists.txt").status, 404);
}

}  // namespace
}  // namespace host::test
