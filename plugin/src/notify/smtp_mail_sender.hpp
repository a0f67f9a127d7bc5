// Sends e-mail through an SMTP server with Poco::Net: plain, STARTTLS (required when configured:
// never falls back to clear text) or implicit TLS; AUTH PLAIN or LOGIN; connect and read timeouts.
//
// One connection serves a whole batch: the first send() connects (EHLO, STARTTLS, AUTH), later
// ones send RSET and reuse it, end_batch() says QUIT. Any failure drops the connection, so the
// next send() starts afresh (reconnect on failure).
//
// Errors: send() throws DeliveryError with the stage and the server's answer ("SMTP
// mail.example.org:587: authentication refused: 535 …"). Permanent only when the server refused
// the sender, recipient or content with a 5xx; refused authentication stays transient (an admin
// can fix the password without losing the queue).
#pragma once

#include <memory>
#include <string>

#include "config/settings.hpp"
#include "notify/mail_sender.hpp"

namespace es::notify {

class SmtpMailSender : public MailSender {
  public:
    // Reads the password now (config::ConfigError when its variable or file is missing).
    explicit SmtpMailSender(const config::SmtpSettings& settings);
    ~SmtpMailSender() override;

    void send(const OutgoingMail& mail) override;
    void end_batch() override;

  private:
    class Connection;

    void connect();
    void authenticate(Connection& c);
    void drop_connection() noexcept;
    void send_once(const OutgoingMail& mail);
    std::string where() const;

    config::SmtpSettings settings_;
    std::string password_;
    std::unique_ptr<Connection> connection_;
    bool connection_used_ = false;  // a message went over it: RSET before the next
};

}  // namespace es::notify
