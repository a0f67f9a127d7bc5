#include "notify/http_sms_sender.hpp"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <algorithm>
#include <memory>

#include "config/config_error.hpp"
#include "notify/delivery_error.hpp"
#include "notify/secret_setting.hpp"

namespace es::notify {

namespace {

std::string json_string(std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "\"";
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (u < 0x20 || u == 0x7f) {
                    out += "\\u00";
                    out += kHex[u >> 4];
                    out += kHex[u & 0x0f];
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string form_value(std::string_view text) {
    std::string out;
    // Everything but unreserved characters is encoded, '+' and '&' and '=' included.
    Poco::URI::encode(std::string(text), "!#$&'()*+,/:;=?@[]%\" ", out);
    return out;
}

std::string replace_all(std::string text, const std::string& what, const std::string& with) {
    std::size_t pos = 0;
    while ((pos = text.find(what, pos)) != std::string::npos) {
        text.replace(pos, what.size(), with);
        pos += with.size();
    }
    return text;
}

}  // namespace

HttpSmsSender::HttpSmsSender(const config::SmsGatewaySettings& settings) : settings_(settings) {
    const std::string type = Poco::toLower(settings_.content_type);
    if (type.find("json") != std::string::npos) {
        format_ = BodyFormat::Json;
    } else if (type.rfind("application/x-www-form-urlencoded", 0) == 0) {
        format_ = BodyFormat::Form;
    } else {
        throw config::ConfigError("", "notify.sms_gateway.content_type", 0,
                                  "must be a JSON type or application/x-www-form-urlencoded");
    }
    const Poco::URI uri(settings_.url);
    if (uri.getScheme() != "http" && uri.getScheme() != "https") {
        throw config::ConfigError("", "notify.sms_gateway.url", 0, "must be http:// or https://");
    }
    if (!settings_.auth_env.empty()) {
        auth_value_ = read_secret(settings_.auth_env, "", "notify.sms_gateway.auth_env");
    }
}

std::string HttpSmsSender::body_for(const OutgoingSms& sms) const {
    // One pass per placeholder, {to} first: a value containing "{text}" is already escaped and
    // cannot be substituted again, because the phone number holds only '+' and digits.
    const std::string to = format_ == BodyFormat::Json ? json_string(sms.to) : form_value(sms.to);
    const std::string text =
        format_ == BodyFormat::Json ? json_string(sms.text) : form_value(sms.text);
    return replace_all(replace_all(settings_.body_template, "{to}", to), "{text}", text);
}

void HttpSmsSender::send(const OutgoingSms& sms) {
    const Poco::URI uri(settings_.url);
    const std::string where = "SMS gateway " + uri.getHost() + ":" + std::to_string(uri.getPort());
    const std::string body = body_for(sms);
    try {
        std::unique_ptr<Poco::Net::HTTPClientSession> session;
        if (uri.getScheme() == "https") {
            Poco::Net::Context::Ptr context =
                new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", "",
                                       Poco::Net::Context::VERIFY_RELAXED, 9, true);
            session = std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(),
                                                                      context);
        } else {
            session = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
        }
        session->setTimeout(Poco::Timespan(settings_.timeout_seconds, 0));
        Poco::Net::HTTPRequest request(settings_.method, uri.getPathAndQuery(),
                                       Poco::Net::HTTPMessage::HTTP_1_1);
        for (const auto& [name, value] : settings_.headers) {
            request.set(name, value);
        }
        if (!auth_value_.empty()) {
            request.set(settings_.auth_header, auth_value_);
        }
        request.set("Idempotency-Key", sms.message_id);
        request.setContentType(settings_.content_type);
        request.setContentLength(static_cast<std::streamsize>(body.size()));
        session->sendRequest(request) << body;
        Poco::Net::HTTPResponse response;
        std::istream& in = session->receiveResponse(response);
        std::string answer(512, '\0');
        in.read(answer.data(), static_cast<std::streamsize>(answer.size()));
        answer.resize(static_cast<std::size_t>(in.gcount()));
        const int status = static_cast<int>(response.getStatus());
        const auto& ok = settings_.success_statuses;
        if (std::find(ok.begin(), ok.end(), status) != ok.end()) {
            return;
        }
        std::replace_if(
            answer.begin(), answer.end(),
            [](char c) { return static_cast<unsigned char>(c) < 0x20; }, ' ');
        const bool transient = status >= 500 || status == 408 || status == 429;
        throw DeliveryError(where + ": HTTP " + std::to_string(status) + " " +
                                response.getReason() + (answer.empty() ? "" : ": " + answer),
                            !transient);
    } catch (const DeliveryError&) {
        throw;
    } catch (const Poco::TimeoutException&) {
        throw DeliveryError(where + ": no answer within " +
                                std::to_string(settings_.timeout_seconds) + " s (timeout)",
                            false);
    } catch (const Poco::Exception& e) {
        throw DeliveryError(where + ": " + e.displayText(), false);
    } catch (const std::exception& e) {
        throw DeliveryError(where + ": " + e.what(), false);
    }
}

}  // namespace es::notify
