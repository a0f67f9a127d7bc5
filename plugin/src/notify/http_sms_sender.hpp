// Sends SMS through an HTTP gateway described in NotifySettings::sms_gateway: URL, method,
// headers, a body template with {to} and {text}, an auth header whose value comes from an
// environment variable, the statuses that mean success, a timeout.
//
// {to} and {text} are substituted already escaped for the content type: as JSON string literals
// (quotes included) for */json, percent-encoded for application/x-www-form-urlencoded. Other
// content types are refused at construction, since a value could not be escaped safely for them.
// Every request carries "Idempotency-Key: <message id>", so a gateway that honours it sends a
// message retried after a crash only once.
//
// Errors: send() throws DeliveryError: a timeout, a connection failure, 5xx, 408 or 429 are
// transient; any other status outside success_statuses is permanent (the gateway refused it).
#pragma once

#include <string>

#include "config/settings.hpp"
#include "notify/sms_sender.hpp"

namespace es::notify {

class HttpSmsSender : public SmsSender {
  public:
    // Throws config::ConfigError for an unusable URL, content type or a missing auth variable.
    explicit HttpSmsSender(const config::SmsGatewaySettings& settings);

    void send(const OutgoingSms& sms) override;

    // The request body for `sms` (exposed for tests of the escaping).
    std::string body_for(const OutgoingSms& sms) const;

  private:
    enum class BodyFormat { Json, Form };

    config::SmsGatewaySettings settings_;
    BodyFormat format_ = BodyFormat::Json;
    std::string auth_value_;
};

}  // namespace es::notify
