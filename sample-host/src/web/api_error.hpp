// An answer other than success, as the API promises it: an HTTP status and
// {"error":{"code","message","field"?}}. Handlers throw it; the router writes it.
#pragma once

#include <stdexcept>
#include <string>

namespace host {

class ApiError : public std::runtime_error {
  public:
    ApiError(int status, std::string code, const std::string& message, std::string field = {})
        : std::runtime_error(message),
          status_(status),
          code_(std::move(code)),
          field_(std::move(field)) {}

    int status() const { return status_; }
    const std::string& code() const { return code_; }
    const std::string& field() const { return field_; }

    static ApiError not_found() { return ApiError(404, "not_found", "Not found."); }
    static ApiError bad_request(const std::string& message, const std::string& field = {}) {
        return ApiError(400, "invalid_request", message, field);
    }

  private:
    int status_;
    std::string code_;
    std::string field_;
};

}  // namespace host
