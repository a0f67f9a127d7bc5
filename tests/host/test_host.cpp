#include "test_host.hpp"

#include <stdlib.h>

#include <filesystem>
#include <sstream>
#include <stdexcept>

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>

namespace host::test {

TempDir::TempDir() {
    char templ[] = "/tmp/dm-host-test-XXXXXX";
    if (mkdtemp(templ) == nullptr)
        throw std::runtime_error("mkdtemp failed");
    path_ = templ;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

Poco::JSON::Object::Ptr HttpResult::json() const {
    Poco::JSON::Parser parser;
    return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
}

std::string HttpResult::header(const std::string& name) const {
    for (const auto& [k, v] : headers) {
        if (Poco::icompare(k, name) == 0)
            return v;
    }
    return {};
}

HttpResult ApiClient::send(const std::string& method, const std::string& path,
                           const std::string& body, const std::string& content_type) {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port_));
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!csrf_.empty())
        request.set("X-CSRF-Token", csrf_);
    auto answer = http_test::exchange(session, request, cookies_, body, content_type);
    return HttpResult{answer.status, std::move(answer.body), std::move(answer.headers)};
}

HttpResult ApiClient::login(const std::string& login, const std::string& password) {
    auto r = post("/api/login", "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}");
    if (r.status == 200)
        csrf_ = r.json()->getValue<std::string>("csrf_token");
    return r;
}

std::string ApiClient::cookie_header() const {
    std::string out;
    for (const auto& [name, value] : cookies_)
        out += (out.empty() ? "" : "; ") + name + "=" + value;
    return out;
}

std::string Fixtures::good_plugin() {
    return DM_TEST_FIXTURE_PLUGIN;
}
std::string Fixtures::abi2_plugin() {
    return DM_TEST_ABI2_PLUGIN;
}
std::string Fixtures::init_fails_plugin() {
    return DM_TEST_INIT_FAILS_PLUGIN;
}
std::string Fixtures::no_entry_plugin() {
    return DM_TEST_NO_ENTRY_PLUGIN;
}

TestHost::TestHost(Options options) {
    HostConfig c;
    c.listen_address = "127.0.0.1";
    c.port = 0;
    c.data_directory = data_.path() + "/data";
    c.database_path = c.data_directory + "/host.db";
    c.web_root = DM_SAMPLE_HOST_WEB_DIR;
    if (options.with_spool)
        c.spool_directory = spool_directory();
    c.demo_data = options.demo_data;
    c.big_attachment = false;
    c.cases_per_organisation = options.cases_per_organisation;
    c.http_threads = 8;
    c.plugins = options.plugins;
    if (options.max_upload_bytes > 0)
        c.attachments.max_upload_bytes = options.max_upload_bytes;
    if (options.body_timeout_seconds > 0)
        c.connections.body_timeout_seconds = options.body_timeout_seconds;
    if (options.header_timeout_seconds > 0)
        c.connections.header_timeout_seconds = options.header_timeout_seconds;
    if (options.min_upload_bytes_per_second >= 0)
        c.attachments.min_upload_bytes_per_second = options.min_upload_bytes_per_second;
    app_ = std::make_unique<HostApp>(c);
    app_->start();
}

TestHost::~TestHost() {
    app_.reset();
}

}  // namespace host::test
