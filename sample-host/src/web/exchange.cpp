#include "web/exchange.hpp"

#include <charconv>
#include <sstream>

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>

#include <Poco/String.h>

#include "net/connection_response.hpp"
#include "web/api_error.hpp"

namespace host {

Exchange::Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
    : request_(request), response_(response) {
    try {
        Poco::URI uri(request.getURI());
        path_ = uri.getPath();
        query_ = uri.getQueryParameters();
    } catch (const Poco::Exception&) {
        malformed_target_ = true;  // a broken %-escape: the router answers 400
    }
}

std::string Exchange::param(const std::string& name) const {
    auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

std::string Exchange::query(const std::string& name, const std::string& fallback) const {
    for (const auto& [k, v] : query_) {
        if (k == name)
            return v;
    }
    return fallback;
}

int Exchange::query_int(const std::string& name, int fallback, int min, int max) const {
    std::string text = query(name);
    if (text.empty())
        return fallback;
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
        throw ApiError::bad_request("'" + name + "' must be a whole number from " +
                                        std::to_string(min) + " to " + std::to_string(max) + ".",
                                    name);
    }
    return value;
}

std::string Exchange::cookie(const std::string& name) const {
    Poco::Net::NameValueCollection cookies;
    request_.getCookies(cookies);
    return cookies.get(name, "");
}

std::string Exchange::client_address() const {
    return request_.clientAddress().host().toString();
}

Poco::JSON::Object::Ptr Exchange::json_body() {
    // The media type itself, in any case, with any parameters ("application/json; charset=utf-8");
    // nothing that merely begins like it ("application/jsonx").
    std::string type = request_.getContentType();
    type = Poco::toLower(Poco::trim(type.substr(0, type.find(';'))));
    if (type != "application/json") {
        // Also a CSRF guard: a cross-site form cannot send application/json without a preflight.
        throw ApiError(415, "unsupported_media_type", "The request body must be application/json.");
    }
    std::string body;
    auto& in = request_.stream();
    char buf[8192];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        body.append(buf, static_cast<std::size_t>(in.gcount()));
        if (body.size() > kMaxBody) {
            throw ApiError(413, "body_too_large", "The request body is too large.");
        }
    }
    try {
        Poco::JSON::Parser parser;
        auto value = parser.parse(body);
        auto object = value.extract<Poco::JSON::Object::Ptr>();
        if (!object)
            throw ApiError::bad_request("The request body must be a JSON object.");
        return object;
    } catch (const ApiError&) {
        throw;
    } catch (const Poco::BadCastException&) {
        throw ApiError(400, "malformed_json", "The request body must be a JSON object.");
    } catch (const std::exception&) {
        throw ApiError(400, "malformed_json", "The request body is not valid JSON.");
    }
}

void Exchange::security_headers(Poco::Net::HTTPResponse& r) {
    r.set("Content-Security-Policy",
          "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
          "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    r.set("X-Content-Type-Options", "nosniff");
    r.set("Referrer-Policy", "same-origin");
    r.set("X-Frame-Options", "DENY");
}

void Exchange::send_json(int status, const std::string& json) {
    response_.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    response_.setContentType("application/json; charset=utf-8");
    response_.set("Cache-Control", "no-store");
    security_headers(response_);
    response_.setContentLength(static_cast<std::streamsize>(json.size()));
    response_.send().write(json.data(), static_cast<std::streamsize>(json.size()));
}

void Exchange::send_json(int status, const Poco::JSON::Object::Ptr& json) {
    std::ostringstream out;
    json->stringify(out);
    send_json(status, out.str());
}

void Exchange::send_file_body(int fd, std::uint64_t size) {
    // Requests reach the handlers through the front door, whose responses can splice files.
    dynamic_cast<es::net::ConnectionResponse&>(response_).send_file_body(fd, size);
}

void Exchange::send_no_content() {
    response_.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NO_CONTENT);
    response_.set("Cache-Control", "no-store");
    security_headers(response_);
    response_.setContentLength(0);
    response_.send();
}

std::string Exchange::error_json(const std::string& code, const std::string& message,
                                 const std::string& field) {
    Poco::JSON::Object::Ptr error = new Poco::JSON::Object;
    error->set("code", code);
    error->set("message", message);
    if (!field.empty())
        error->set("field", field);
    Poco::JSON::Object root;
    root.set("error", error);
    std::ostringstream out;
    root.stringify(out);
    return out.str();
}

void Exchange::send_error(int status, const std::string& code, const std::string& message,
                          const std::string& field) {
    send_json(status, error_json(code, message, field));
}

}  // namespace host
