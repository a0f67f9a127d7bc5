// Fixtures of the notification tests that need neither gtest nor a test body, so that the crash
// driver (a process of its own) shares them too; AnyCase (tests/support) for the cases.
#pragma once

#include <string>

#include "any_case.hpp"
#include "config/settings.hpp"
#include "domain/share_request.hpp"

namespace es::test {

// Mail by SMTP to the local test server (smtp_sink.py) on `port`: plain text on the wire, a short
// timeout; the backoff and attempts are the caller's.
inline config::NotifySettings smtp_sink_settings(int port) {
    config::NotifySettings n;
    n.mail = config::NotifySettings::MailSender::Smtp;
    n.from_address = "no-reply@amt.example";
    n.smtp.host = "127.0.0.1";
    n.smtp.port = port;
    n.smtp.security = config::SmtpSettings::Security::None;
    n.smtp.timeout_seconds = 5;
    return n;
}

// Argon2 at test strength (8 MiB, one pass): shares with passwords are made in no time.
inline config::Argon2Settings fast_argon2() {
    config::Argon2Settings argon2;
    argon2.memory_kib = 8 * 1024;
    argon2.iterations = 1;
    return argon2;
}

// The `i`-th of several links to case-1 sent by e-mail, each to a recipient of its own.
inline domain::ShareRequest emailed_link_request(int i) {
    domain::ShareRequest r;
    r.case_id = "case-1";
    r.recipient.name = "Recipient " + std::to_string(i);
    r.recipient.email = "r" + std::to_string(i) + "@example.org";
    r.delivery = domain::Delivery::EmailedLink;
    return r;
}

}  // namespace es::test
