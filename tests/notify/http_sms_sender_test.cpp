// HttpSmsSender against a local HTTP gateway started by the test: escaping of {to} and {text} per
// content type, the auth header, the Idempotency-Key, and how each answer is classified.
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <cstdlib>

#include "config/config_error.hpp"
#include "notify/delivery_error.hpp"
#include "notify/http_sms_sender.hpp"
#include "sink_process.hpp"
#include "test_support.hpp"

using namespace es::notify;
using es::config::SmsGatewaySettings;

namespace {

SmsGatewaySettings gateway(int port, const std::string& path) {
    SmsGatewaySettings s;
    s.url = "http://127.0.0.1:" + std::to_string(port) + path;
    s.timeout_seconds = 2;
    return s;
}

OutgoingSms sms(const std::string& text) {
    OutgoingSms m;
    m.to = "+41791234567";
    m.text = text;
    m.message_id = "<es.5.1@amt.example>";
    m.created_at = es::domain::now_utc();
    return m;
}

DeliveryError error_of(SmsSender& sender, const OutgoingSms& message) {
    try {
        sender.send(message);
    } catch (const DeliveryError& e) {
        return e;
    }
    ADD_FAILURE() << "no delivery error";
    return DeliveryError("", false);
}

}  // namespace

TEST(HttpSmsSender, JsonBodyCarriesTextExactlyWithAuthAndIdempotencyKey) {
    SinkProcess sink("sms_sink.py", {});
    ::setenv("ES_TEST_SMS_AUTH", "Bearer abc123", 1);
    SmsGatewaySettings s = gateway(sink.port(), "/ok");
    s.auth_env = "ES_TEST_SMS_AUTH";
    s.headers = {{"X-Account", "amt"}};
    HttpSmsSender sender(s);
    const std::string tricky = "Code: 123456 \"quoted\" \\ back\nnew line, ünïcödé {to} {text}";
    sender.send(sms(tricky));
    const auto files = sink.wait_for(1);
    ASSERT_EQ(files.size(), 1u);
    const auto request = read_json(files[0]);
    const auto headers = request->getObject("headers");
    EXPECT_EQ(headers->getValue<std::string>("Authorization"), "Bearer abc123");
    EXPECT_EQ(headers->getValue<std::string>("X-Account"), "amt");
    EXPECT_EQ(headers->getValue<std::string>("Idempotency-Key"), "<es.5.1@amt.example>");
    EXPECT_EQ(headers->getValue<std::string>("Content-Type"), "application/json");
    const auto body = Poco::JSON::Parser()
                          .parse(request->getValue<std::string>("body"))
                          .extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(body->getValue<std::string>("to"), "+41791234567");
    EXPECT_EQ(body->getValue<std::string>("text"), tricky);
    EXPECT_EQ(body->size(), 2u);
}

TEST(HttpSmsSender, FormBodyIsPercentEncoded) {
    SinkProcess sink("sms_sink.py", {});
    SmsGatewaySettings s = gateway(sink.port(), "/ok");
    s.content_type = "application/x-www-form-urlencoded";
    s.body_template = "from=Amt&to={to}&message={text}";
    HttpSmsSender sender(s);
    sender.send(sms("a&b=c+d ü"));
    const auto files = sink.wait_for(1);
    ASSERT_EQ(files.size(), 1u);
    const std::string body = read_json(files[0])->getValue<std::string>("body");
    EXPECT_EQ(body, "from=Amt&to=%2B41791234567&message=a%26b%3Dc%2Bd%20%C3%BC");
}

TEST(HttpSmsSender, ContentTypeThatCannotBeEscapedIsRefused) {
    SmsGatewaySettings s = gateway(80, "/ok");
    s.content_type = "text/plain";
    EXPECT_THROW(HttpSmsSender{s}, es::config::ConfigError);
}

TEST(HttpSmsSender, ServerErrorIsTransient) {
    SinkProcess sink("sms_sink.py", {});
    HttpSmsSender sender(gateway(sink.port(), "/fail"));
    const DeliveryError e = error_of(sender, sms("x"));
    EXPECT_FALSE(e.permanent());
    EXPECT_NE(std::string(e.what()).find("HTTP 500"), std::string::npos) << e.what();
}

TEST(HttpSmsSender, ClientErrorIsPermanent) {
    SinkProcess sink("sms_sink.py", {});
    HttpSmsSender sender(gateway(sink.port(), "/refuse"));
    const DeliveryError e = error_of(sender, sms("x"));
    EXPECT_TRUE(e.permanent());
    EXPECT_NE(std::string(e.what()).find("gateway says no"), std::string::npos) << e.what();
}

TEST(HttpSmsSender, SlowGatewayTimesOutAsTransient) {
    SinkProcess sink("sms_sink.py", {"--slow", "4"});
    HttpSmsSender sender(gateway(sink.port(), "/slow"));
    const DeliveryError e = error_of(sender, sms("x"));
    EXPECT_FALSE(e.permanent());
    EXPECT_NE(std::string(e.what()).find("timeout"), std::string::npos) << e.what();
}

TEST(HttpSmsSender, GatewayDownIsTransient) {
    HttpSmsSender sender(gateway(unused_port(), "/ok"));
    EXPECT_FALSE(error_of(sender, sms("x")).permanent());
}

TEST(HttpSmsSender, OnlyConfiguredStatusesCountAsSuccess) {
    SinkProcess sink("sms_sink.py", {});
    SmsGatewaySettings s = gateway(sink.port(), "/ok");
    s.success_statuses = {202};
    HttpSmsSender sender(s);
    EXPECT_TRUE(error_of(sender, sms("x")).permanent());
}
