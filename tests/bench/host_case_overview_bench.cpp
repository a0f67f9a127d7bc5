// Sample host benchmark: the case overview's first page (50 cases) including one plugin column,
// fetched through one batched column_values call, with 10,000 cases in the organisation listed
// (20,000 in the store). Prints p50/p99 over many requests on one keep-alive connection.
//   host_case_overview_bench [requests] [work dir]
// With a work dir, the store is kept there and reused by the next run (creating 20,000 demo cases
// with their attachment files takes a minute).
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>

#include "app/host_app.hpp"
#include "http_exchange.hpp"
#include "log/host_log.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Reply {
    int status;
    std::string body;
};

class Client {
  public:
    explicit Client(int port) : session_("127.0.0.1", static_cast<Poco::UInt16>(port)) {
        session_.setKeepAlive(true);
    }
    Reply send(const std::string& method, const std::string& path, const std::string& body = {}) {
        Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        auto answer = http_test::exchange(session_, request, cookies_, body, "application/json");
        return Reply{answer.status, std::move(answer.body)};
    }

  private:
    Poco::Net::HTTPClientSession session_;
    http_test::Cookies cookies_;  // the host's session
};

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    std::size_t i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
    int requests = argc > 1 ? std::atoi(argv[1]) : 300;
    char templ[] = "/tmp/dm-host-bench-XXXXXX";
    bool keep = argc > 2;
    std::string dir = keep ? std::string(argv[2]) : std::string(mkdtemp(templ) ? templ : "");
    if (dir.empty())
        return 1;
    host::HostLog::capture([](const std::string&) {});  // keep the figures readable

    host::HostConfig c;
    c.port = 0;
    c.data_directory = dir + "/data";
    c.database_path = c.data_directory + "/host.db";
    c.cases_per_organisation = 10000;
    c.plugins = {{DM_BENCH_FIXTURE_PLUGIN, ""}};
    auto started = Clock::now();
    int rc = 0;
    {
        host::HostApp app(c);
        app.start();
        double setup_s = std::chrono::duration<double>(Clock::now() - started).count();
        std::printf("store: 2 organisations x %d cases, demo data created in %.1f s\n",
                    c.cases_per_organisation, setup_s);
        Client client(app.port());
        if (client.send("POST", "/api/login", R"({"login":"anna.meier","password":"demo-anna"})")
                .status != 200) {
            std::fprintf(stderr, "login failed\n");
            return 1;
        }
        const std::vector<std::pair<std::string, std::string>> queries = {
            {"first page, sorted by number", "/api/cases?page=1&page_size=50&sort=number&dir=asc"},
            {"first page, sorted by case name desc",
             "/api/cases?page=1&page_size=50&sort=title&dir=desc"},
            {"first page, text filter", "/api/cases?page=1&page_size=50&q=Gerber"},
            {"page 100, sorted by received date",
             "/api/cases?page=100&page_size=50&sort=received_date"},
        };
        const std::string column = "&plugin_columns=ch.example.host-test-fixture/flag";
        std::printf("%-40s %8s %8s %8s   (%d requests each, plugin column via one batched call)\n",
                    "query", "p50 ms", "p99 ms", "max ms", requests);
        for (const auto& [name, path] : queries) {
            for (int i = 0; i < 20; ++i)
                client.send("GET", path + column);  // warm-up
            std::vector<double> ms;
            for (int i = 0; i < requests; ++i) {
                auto t0 = Clock::now();
                auto r = client.send("GET", path + column);
                ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                if (r.status != 200 || r.body.find("batch 50 call") == std::string::npos) {
                    std::fprintf(stderr, "unexpected answer %d: %.200s\n", r.status,
                                 r.body.c_str());
                    rc = 1;
                    break;
                }
            }
            if (rc)
                break;
            double p50 = percentile(ms, 0.50), p99 = percentile(ms, 0.99);
            std::printf("%-40s %8.2f %8.2f %8.2f %s\n", name.c_str(), p50, p99,
                        *std::max_element(ms.begin(), ms.end()),
                        p99 < 50.0 ? "" : "  (over the 50 ms target)");
        }
        app.stop();
    }
    if (!keep)
        std::filesystem::remove_all(dir);
    return rc;
}
