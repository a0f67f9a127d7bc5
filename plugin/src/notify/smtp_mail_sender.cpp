#include "notify/smtp_mail_sender.hpp"

#include <Poco/Base64Encoder.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/DNS.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <sstream>

#include "notify/delivery_error.hpp"
#include "notify/secret_setting.hpp"

namespace es::notify {

using config::SmtpSettings;

// An SMTP session that can switch to TLS on a socket we connected ourselves (with a connect
// timeout and the host name for SNI and certificate checks), which Poco's own
// SecureSMTPClientSession cannot when built from a socket.
class SmtpMailSender::Connection : public Poco::Net::SMTPClientSession {
  public:
    explicit Connection(const Poco::Net::StreamSocket& socket) : SMTPClientSession(socket) {}

    bool start_tls(const std::string& host, Poco::Net::Context::Ptr context) {
        std::string response;
        if (sendCommand("STARTTLS", response) / 100 != 2) {
            return false;
        }
        socket() = Poco::Net::SecureStreamSocket::attach(socket(), host, context);
        return true;
    }

    int command(const std::string& line, std::string& response) {
        return sendCommand(line, response);
    }
};

namespace {

// A failure at one stage of the conversation, with what the server said.
class StageError : public std::runtime_error {
  public:
    StageError(const std::string& stage, int status, const std::string& response)
        : std::runtime_error(stage + ": " + std::to_string(status) + " " + response),
          status_(status) {}
    int status() const { return status_; }

  private:
    int status_;
};

void expect(int status, int wanted_class, const std::string& stage, const std::string& response) {
    if (status / 100 != wanted_class) {
        throw StageError(stage, status, response);
    }
}

std::string base64(const std::string& bytes) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << bytes;
    encoder.close();
    return out.str();
}

Poco::Net::Context::Ptr tls_context(const SmtpSettings& s) {
    return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", s.tls_ca_file,
                                  Poco::Net::Context::VERIFY_RELAXED, 9, true);
}

}  // namespace

SmtpMailSender::SmtpMailSender(const SmtpSettings& settings) : settings_(settings) {
    if (settings_.auth != SmtpSettings::Auth::None) {
        password_ = read_secret(settings_.password_env, settings_.password_file,
                                "notify.smtp.password_env");
    }
}

SmtpMailSender::~SmtpMailSender() {
    drop_connection();
}

std::string SmtpMailSender::where() const {
    return "SMTP " + settings_.host + ":" + std::to_string(settings_.port);
}

void SmtpMailSender::connect() {
    const Poco::Timespan timeout(settings_.timeout_seconds, 0);
    const Poco::Net::SocketAddress address(settings_.host,
                                           static_cast<Poco::UInt16>(settings_.port));
    std::unique_ptr<Connection> c;
    if (settings_.security == SmtpSettings::Security::Tls) {
        Poco::Net::SecureStreamSocket socket(tls_context(settings_));
        socket.setPeerHostName(settings_.host);
        socket.connect(address, timeout);
        socket.setNoDelay(true);
        c = std::make_unique<Connection>(socket);
    } else {
        Poco::Net::StreamSocket socket;
        socket.connect(address, timeout);
        // The end of DATA (".") is a small write right after the message: with Nagle's algorithm
        // it waits for the peer's delayed ACK, 40 ms per message.
        socket.setNoDelay(true);
        c = std::make_unique<Connection>(socket);
    }
    c->setTimeout(timeout);
    const std::string me = Poco::Net::DNS::hostName();
    c->login(me);  // reads the greeting, EHLO
    if (settings_.security == SmtpSettings::Security::StartTls) {
        if (!c->start_tls(settings_.host, tls_context(settings_))) {
            throw DeliveryError(where() + ": the server does not offer STARTTLS", false);
        }
        c->setTimeout(timeout);
    }
    if (settings_.security == SmtpSettings::Security::StartTls) {
        c->login(me);  // RFC 3207: forget what was learnt before TLS, EHLO again
    }
    if (settings_.auth != SmtpSettings::Auth::None) {
        authenticate(*c);
    }
    connection_ = std::move(c);
    connection_used_ = false;
}

// Poco's own AUTH LOGIN expects the server to say "Username:" and silently does nothing when it
// says "User Name" (as some servers do), and its AUTH PLAIN wraps long credentials into lines.
// Both are done here by the RFC 4616 / draft-murchison-sasl-login rules instead.
void SmtpMailSender::authenticate(Connection& c) {
    std::string response;
    int status = 0;
    if (settings_.auth == SmtpSettings::Auth::Plain) {
        status = c.command("AUTH PLAIN " + base64(std::string(1, '\0') + settings_.user +
                                                  std::string(1, '\0') + password_),
                           response);
    } else {
        status = c.command("AUTH LOGIN", response);
        if (status == 334) {
            status = c.command(base64(settings_.user), response);
        }
        if (status == 334) {
            status = c.command(base64(password_), response);
        }
    }
    if (status / 100 != 2) {
        throw DeliveryError(
            where() + ": authentication refused: " + std::to_string(status) + " " + response,
            false);
    }
}

void SmtpMailSender::drop_connection() noexcept {
    if (!connection_) {
        return;
    }
    try {
        connection_->close();  // QUIT; fails harmlessly when the peer is gone
    } catch (...) {
    }
    connection_.reset();
}

void SmtpMailSender::send_once(const OutgoingMail& mail) {
    std::string response;
    int status = connection_->command("MAIL FROM:<" + mail.envelope_from + ">", response);
    expect(status, 2, "MAIL FROM", response);
    status = connection_->command("RCPT TO:<" + mail.envelope_to + ">", response);
    expect(status, 2, "RCPT TO", response);
    status = connection_->command("DATA", response);
    expect(status, 3, "DATA", response);
    std::istringstream data(mail.data);
    try {
        connection_->sendMessage(data);  // dot-stuffs, ends with CRLF.CRLF, checks the answer
    } catch (const Poco::Net::SMTPException& e) {
        throw StageError("end of data", e.code(), e.message());
    }
}

void SmtpMailSender::send(const OutgoingMail& mail) {
    try {
        if (connection_ && connection_used_) {
            std::string response;
            bool reset = false;
            try {
                reset = connection_->command("RSET", response) / 100 == 2;
            } catch (const Poco::Exception&) {
            }
            if (!reset) {
                drop_connection();  // the server closed an idle connection: start afresh
            }
        }
        if (!connection_) {
            connect();
        }
        connection_used_ = true;
        send_once(mail);
    } catch (const DeliveryError&) {
        drop_connection();
        throw;
    } catch (const StageError& e) {
        drop_connection();
        // 5xx refuses this message for good; 4xx (greylisting, full mailbox) may pass later.
        throw DeliveryError(where() + ": " + e.what(), e.status() / 100 == 5);
    } catch (const Poco::TimeoutException&) {
        drop_connection();
        throw DeliveryError(where() + ": no answer within " +
                                std::to_string(settings_.timeout_seconds) + " s (timeout)",
                            false);
    } catch (const Poco::Exception& e) {
        drop_connection();
        throw DeliveryError(where() + ": " + e.displayText(), false);
    } catch (const std::exception& e) {
        drop_connection();
        throw DeliveryError(where() + ": " + e.what(), false);
    }
}

void SmtpMailSender::end_batch() {
    drop_connection();
}

}  // namespace es::notify
