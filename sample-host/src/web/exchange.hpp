// One request and its response as the API handlers see them: path parameters, query, JSON body,
// the signed-in user, and helpers that write JSON with the host's security headers.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include "auth/session_repository.hpp"
#include "store/records.hpp"

namespace host {

class Exchange {
  public:
    Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response);

    Poco::Net::HTTPServerRequest& request() { return request_; }
    Poco::Net::HTTPServerResponse& response() { return response_; }
    const std::string& method() const { return request_.getMethod(); }
    const std::string& path() const { return path_; }
    // The request target could not be decoded (a broken %-escape); path() and query() are empty.
    bool malformed_target() const { return malformed_target_; }

    std::string param(const std::string& name) const;  // from the route pattern
    std::string query(const std::string& name, const std::string& fallback = {}) const;
    int query_int(const std::string& name, int fallback, int min, int max) const;
    std::string cookie(const std::string& name) const;
    std::string client_address() const;

    // The body as a JSON object; ApiError 400 with a message when it is not one.
    Poco::JSON::Object::Ptr json_body();

    // Set by the router for routes that need a session.
    std::optional<User> user;
    SessionInfo session;
    std::string session_token;
    std::string locale = "de";

    void send_json(int status, const std::string& json);
    void send_json(int status, const Poco::JSON::Object::Ptr& json);
    void send_no_content();
    // The head as prepared on response(), then `size` bytes of the open file `fd` (sendfile).
    void send_file_body(int fd, std::uint64_t size);
    void send_error(int status, const std::string& code, const std::string& message,
                    const std::string& field = {});
    bool sent() const { return response_.sent(); }

    // Headers every response of the host carries.
    static void security_headers(Poco::Net::HTTPResponse& response);
    // The body of a JSON error answer: {"error": {"code", "message", "field"?}}.
    static std::string error_json(const std::string& code, const std::string& message,
                                  const std::string& field = {});

    // Request bodies are JSON; the front door refuses larger ones before a handler runs.
    static constexpr std::size_t kMaxBody = 1 << 20;

    std::map<std::string, std::string> params;

  private:
    Poco::Net::HTTPServerRequest& request_;
    Poco::Net::HTTPServerResponse& response_;
    std::string path_;
    bool malformed_target_ = false;
    Poco::URI::QueryParameters query_;
};

}  // namespace host
