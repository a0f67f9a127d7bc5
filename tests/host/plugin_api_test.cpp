// Plugin contributions through the API, with the fixture plugin: contributions, a batched column,
// panels, actions (good, throwing, garbage), events, and the admin page's module list.
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>

#include "log/host_log.hpp"
#include "test_host.hpp"

namespace host::test {
namespace {

const std::string kFixture = "ch.example.host-test-fixture";

class PluginApi : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        TestHost::Options o{true, 120, {{Fixtures::good_plugin(), ""}}, true};
        host_ = new TestHost(o);
    }
    static void TearDownTestSuite() {
        delete host_;
        host_ = nullptr;
    }
    void SetUp() override { ASSERT_EQ(anna_.login("anna.meier", "demo-anna").status, 200); }

    static std::string events() {
        std::ifstream in(host_->data_directory() + "/data/plugins/" + kFixture + "/events.log");
        std::ostringstream out;
        out << in.rdbuf();
        return out.str();
    }
    static std::string code(const HttpResult& r) {
        return r.json()->getObject("error")->getValue<std::string>("code");
    }

    static TestHost* host_;
    ApiClient anna_{host_->port()};
};
TestHost* PluginApi::host_ = nullptr;

TEST_F(PluginApi, OrganisationContributionsListActionsPanelsAndColumns) {
    auto r = anna_.get("/api/plugins/contributions");
    ASSERT_EQ(r.status, 200) << r.body;
    auto plugins = r.json()->getArray("plugins");
    ASSERT_EQ(plugins->size(), 1u);
    auto p = plugins->getObject(0);
    EXPECT_EQ(p->getValue<std::string>("id"), kFixture);
    EXPECT_EQ(p->getArray("actions")->size(), 3u);
    EXPECT_EQ(p->getArray("panels")->size(), 2u);
    EXPECT_EQ(p->getArray("columns")->getObject(0)->getValue<std::string>("id"), "flag");
    // Titles follow the user's language (German by default).
    EXPECT_EQ(p->getArray("actions")->getObject(0)->getValue<std::string>("title"), "Begrüssen");
}

TEST_F(PluginApi, CaseContributionsLeaveOutOrganisationPanels) {
    auto r = anna_.get("/api/plugins/contributions?case_id=3");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.json()->getArray("plugins")->getObject(0)->getArray("panels")->size(), 1u);
    EXPECT_EQ(anna_.get("/api/plugins/contributions?case_id=200").status, 404);  // Seeland's
}

TEST_F(PluginApi, CaseListFetchesAPluginColumnInOneBatchedCall) {
    auto r = anna_.get("/api/cases?page_size=50&plugin_columns=" + kFixture + "/flag");
    ASSERT_EQ(r.status, 200) << r.body;
    auto cells = r.json()->getObject("plugin_columns")->getArray(kFixture + "/flag");
    ASSERT_EQ(cells->size(), 50u);
    std::string first_text;
    int shown = 0;
    for (std::size_t i = 0; i < cells->size(); ++i) {
        auto cell = cells->getObject(static_cast<unsigned>(i));
        if (!cell)
            continue;
        ++shown;
        std::string text = cell->getValue<std::string>("text");
        EXPECT_EQ(text.rfind("batch 50 call ", 0), 0u) << text;
        if (first_text.empty())
            first_text = text;
        EXPECT_EQ(text, first_text);  // every cell came from the same call
    }
    EXPECT_GT(shown, 10);
}

TEST_F(PluginApi, UnknownPluginColumnIsReportedNotFatal) {
    auto r =
        anna_.get("/api/cases?page_size=5&plugin_columns=" + kFixture + "/nope,other.plugin/x");
    ASSERT_EQ(r.status, 200);
    auto errors = r.json()->getObject("plugin_column_errors");
    EXPECT_TRUE(errors->has(kFixture + "/nope"));
    EXPECT_TRUE(errors->has("other.plugin/x"));
}

TEST_F(PluginApi, ColumnEndpointAnswersOneCellPerCase) {
    auto r = anna_.get("/api/plugins/" + kFixture + "/columns/flag?case_ids=2,3,4");
    ASSERT_EQ(r.status, 200) << r.body;
    auto cells = r.json()->getArray("cells");
    ASSERT_EQ(cells->size(), 3u);
    EXPECT_TRUE(cells->isNull(1));
    EXPECT_FALSE(cells->isNull(0));
    EXPECT_EQ(anna_.get("/api/plugins/" + kFixture + "/columns/flag?case_ids=2,200").status, 404);
}

TEST_F(PluginApi, CasePanelReadsTheCaseThroughTheHostService) {
    auto r = anna_.get("/api/plugins/" + kFixture + "/panels/info?case_id=7");
    ASSERT_EQ(r.status, 200) << r.body;
    auto body = r.json()->getArray("body");
    EXPECT_EQ(body->getObject(0)->getValue<std::string>("text"), "Case MH-2024-00007");
}

TEST_F(PluginApi, OrganisationPanelRenders) {
    auto r = anna_.get("/api/plugins/" + kFixture + "/panels/settings");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()->getArray("body")->getObject(0)->getValue<std::string>("text"),
              "Active users: 3");
}

TEST_F(PluginApi, ActionGoesFromDialogToFieldErrorToClose) {
    std::string path = "/api/plugins/" + kFixture + "/actions/greet";
    auto open = anna_.post(path, "{\"case_id\":\"5\",\"payload\":{}}");
    ASSERT_EQ(open.status, 200) << open.body;
    EXPECT_EQ(open.json()->getValue<std::string>("type"), "dialog");
    auto invalid = anna_.post(path, "{\"case_id\":\"5\",\"payload\":{\"name\":\"\"}}");
    ASSERT_EQ(invalid.status, 200);
    auto form = invalid.json()->getArray("body")->getObject(0);
    EXPECT_EQ(form->getObject("errors")->getValue<std::string>("name"), "Please enter a name.");
    auto done = anna_.post(path, "{\"case_id\":\"5\",\"payload\":{\"name\":\"Lea\"}}");
    EXPECT_EQ(done.json()->getValue<std::string>("type"), "close");
}

TEST_F(PluginApi, ThrowingActionIsAnErrorAndTheHostKeepsRunning) {
    auto r = anna_.post("/api/plugins/" + kFixture + "/actions/explode", "{\"case_id\":\"5\"}");
    EXPECT_EQ(r.status, 502);
    EXPECT_EQ(code(r), "plugin_error");
    EXPECT_NE(r.json()->getObject("error")->getValue<std::string>("message").find("Fixture Module"),
              std::string::npos);
    EXPECT_EQ(anna_.get("/api/me").status, 200);
    EXPECT_EQ(anna_.get("/api/plugins/contributions").status, 200);
}

TEST_F(PluginApi, GarbageAnswerIsAnErrorAndTheHostKeepsRunning) {
    auto r = anna_.post("/api/plugins/" + kFixture + "/actions/garbage", "{\"case_id\":\"5\"}");
    EXPECT_EQ(r.status, 502);
    EXPECT_EQ(code(r), "plugin_bad_response");
    EXPECT_EQ(anna_.get("/api/me").status, 200);
}

TEST_F(PluginApi, ActionOnForeignCaseOrUnknownPluginIsNotFound) {
    EXPECT_EQ(
        anna_.post("/api/plugins/" + kFixture + "/actions/greet", "{\"case_id\":\"200\"}").status,
        404);
    EXPECT_EQ(anna_.post("/api/plugins/no.such.plugin/actions/greet", "{\"case_id\":\"5\"}").status,
              404);
    auto bad = anna_.post("/api/plugins/" + kFixture + "/actions/greet",
                          "{\"case_id\":\"5\",\"payload\":[1]}");
    EXPECT_EQ(bad.status, 400);
}

TEST_F(PluginApi, ClosingACaseTellsThePlugin) {
    ASSERT_EQ(anna_.post("/api/cases/11/close", "").status, 200);
    EXPECT_NE(events().find("1 org=1 case=11 attachment=\n"), std::string::npos) << events();
}

TEST_F(PluginApi, DeletingAnAttachmentTellsThePlugin) {
    for (int id = 12; id <= 20; ++id) {
        std::string base = "/api/cases/" + std::to_string(id) + "/attachments";
        auto list = anna_.get(base).json()->getArray("attachments");
        if (list->size() == 0)
            continue;
        std::string aid = list->getObject(0)->getValue<std::string>("id");
        ASSERT_EQ(anna_.del(base + "/" + aid).status, 204);
        EXPECT_NE(events().find("3 org=1 case=" + std::to_string(id) + " attachment=" + aid),
                  std::string::npos)
            << events();
        return;
    }
    FAIL() << "no attachment found";
}

TEST_F(PluginApi, AdminSeesModulesWithOrganisationPanels) {
    ApiClient admin(host_->port());
    ASSERT_EQ(admin.login("claudia.frei", "demo-claudia").status, 200);
    auto r = admin.get("/api/admin/modules");
    ASSERT_EQ(r.status, 200) << r.body;
    auto m = r.json()->getArray("modules")->getObject(0);
    EXPECT_EQ(m->getValue<std::string>("id"), kFixture);
    EXPECT_EQ(m->getValue<std::string>("version"), "0.1.0");
    ASSERT_EQ(m->getArray("panels")->size(), 1u);
    EXPECT_EQ(m->getArray("panels")->getObject(0)->getValue<std::string>("id"), "settings");
    EXPECT_EQ(anna_.get("/api/admin/modules").status, 403);
}

TEST_F(PluginApi, ConcurrentRequestsReachThePluginSafely) {
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    std::mutex failures_mutex;
    std::vector<std::string> failures;  // what the other answers were, for the failure message
    const auto failed = [&](const std::string& what, const HttpResult& r) {
        std::lock_guard lock(failures_mutex);
        failures.push_back(what + ": " + std::to_string(r.status) + " " + r.body.substr(0, 200));
    };
    for (int t = 0; t < 6; ++t) {
        threads.emplace_back([&, t] {
            ApiClient c(host_->port());
            if (const auto r = c.login("beat.keller", "demo-beat"); r.status != 200) {
                failed("login", r);
                return;
            }
            for (int i = 0; i < 5; ++i) {
                auto r = c.get("/api/plugins/" + kFixture +
                               "/panels/info?case_id=" + std::to_string(20 + t));
                if (r.status == 200)
                    ++ok;
                else
                    failed("panel", r);
            }
        });
    }
    for (auto& th : threads)
        th.join();
    std::string told;
    for (const auto& f : failures)
        told += f + "\n";
    EXPECT_EQ(ok.load(), 30) << told;
}

}  // namespace
}  // namespace host::test
