#include "portal/http/portal_connection.hpp"

#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Timestamp.h>

#include <poll.h>

#include <cerrno>

#include <sstream>

#include "portal/http/security_headers.hpp"

namespace es::portal::http {
namespace {

// Answers a request Poco could not parse; with the portal's headers, then the connection closes.
// Written to the socket directly: without a parsed request Poco's sendBuffer would drop the body.
void send_bad_request(Poco::Net::StreamSocket& socket, bool tls) {
    Poco::Net::HTTPResponse response(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST);
    response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
    response.setKeepAlive(false);
    response.setContentType("text/plain; charset=utf-8");
    response.setDate(Poco::Timestamp());
    apply_security_headers(response, tls);
    static const std::string kBody = "Bad request\n";
    response.setContentLength(static_cast<std::streamsize>(kBody.size()));
    std::ostringstream out;
    response.write(out);
    out << kBody;
    const std::string bytes = out.str();
    socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
}

// Poco's session, with a cheaper wait for the next request on a plain socket. Poco's Socket::poll()
// creates, fills and closes an epoll instance on every call (four system calls per request on a
// keep-alive connection); one poll(2) does the same. Under TLS, decrypted bytes may wait inside
// the TLS layer where poll(2) cannot see them, so Poco's own wait is kept there.
class RequestSession : public Poco::Net::HTTPServerSession {
  public:
    RequestSession(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
                   bool tls)
        : HTTPServerSession(socket, params),
          tls_(tls),
          keep_alive_wait_(params->getKeepAliveTimeout()),
          requests_left_(params->getMaxKeepAliveRequests()) {}

    // Whether another request has begun: the first within the session timeout, later ones within
    // the keep-alive timeout and while the keep-alive request budget lasts.
    bool next_request() {
        if (tls_) {
            return hasMoreRequests();
        }
        if (first_) {
            first_ = false;
            --requests_left_;  // as Poco counts: a budget of 0 turns into "unlimited" here
            return readable(getTimeout());
        }
        if (requests_left_ == 0 || !getKeepAlive()) {
            return false;
        }
        if (requests_left_ > 0) {
            --requests_left_;  // negative: unlimited
        }
        return buffered() > 0 || readable(keep_alive_wait_);
    }

    bool may_keep_alive() const { return tls_ ? canKeepAlive() : requests_left_ != 0; }

  private:
    bool readable(const Poco::Timespan& wait) {
        pollfd fd{socket().impl()->sockfd(), POLLIN, 0};
        const auto ms = static_cast<int>(wait.totalMilliseconds());
        for (;;) {
            const int n = ::poll(&fd, 1, ms);
            if (n >= 0) {
                return n > 0;  // readable, closed or failed: the request reader finds out which
            }
            if (errno != EINTR) {
                return false;
            }
        }
    }

    bool tls_;
    Poco::Timespan keep_alive_wait_;
    int requests_left_;
    bool first_ = true;
};

}  // namespace

PortalConnection::PortalConnection(const Poco::Net::StreamSocket& socket,
                                   Poco::Net::HTTPServerParams::Ptr params,
                                   const ConnectionSettings& settings,
                                   const RequestHandler& handler, const ClientResolver& resolver,
                                   ConnectionRegistry& registry)
    : TCPServerConnection(socket),
      params_(std::move(params)),
      settings_(settings),
      handler_(handler),
      resolver_(resolver),
      registry_(registry) {}

void PortalConnection::run() {
    if (!registry_.add(socket())) {
        return;
    }
    try {
        serve();
    } catch (...) {
        // Network errors (reset, timeout, TLS handshake) end the connection quietly.
    }
    registry_.remove(socket());
}

void PortalConnection::serve() {
    // Poco's session applies its timeout only while waiting for the next request; these bound
    // every single read and write (slow clients, stalled downloads).
    socket().setReceiveTimeout(settings_.receive_timeout);
    socket().setSendTimeout(settings_.send_timeout);
    socket().setNoDelay(true);
    RequestSession session(socket(), params_, settings_.tls);
    const Poco::Net::IPAddress peer = socket().peerAddress().host();
    // The first request's clock starts at accept: Poco waits for its first byte with the receive
    // timeout, and a connection that never sends anything must not hold a thread that long.
    registry_.arm_deadline(socket(), ConnectionRegistry::Clock::now() + settings_.request_deadline);
    bool first = true;
    while (!registry_.stopping() && session.next_request()) {
        bool keep_alive = false;
        if (!first) {  // later requests: from their first byte (the keep-alive wait is not theirs)
            registry_.arm_deadline(socket(),
                                   ConnectionRegistry::Clock::now() + settings_.request_deadline);
        }
        first = false;
        try {
            Poco::Net::HTTPServerResponseImpl response(session);
            Poco::Net::HTTPServerRequestImpl request(response, session, params_);
            response.setDate(Poco::Timestamp());
            response.setVersion(request.getVersion());
            response.setKeepAlive(params_->getKeepAlive() && request.getKeepAlive() &&
                                  session.may_keep_alive());
            const std::string forwarded =
                request.has("X-Forwarded-For") ? request.get("X-Forwarded-For") : std::string();
            Exchange ex(request, response, socket(), resolver_(peer, forwarded), settings_.tls);
            ex.on_response_start = [this] { registry_.disarm_deadline(socket()); };
            handler_(ex);
            if (ex.must_close || !ex.head_sent) {
                break;
            }
            if (!request.hasContentLength() && !request.getChunkedTransferEncoding() &&
                request.getMethod() != "GET" && request.getMethod() != "HEAD") {
                break;  // a body without length ends only with the connection
            }
            // An unread request body would be parsed as the next request: read a small rest,
            // close on a large one.
            auto& body = request.stream();
            body.ignore(64 * 1024);
            if (!body.eof() && body.good()) {
                break;
            }
            keep_alive = response.getKeepAlive() && session.may_keep_alive();
        } catch (const Poco::Net::NoMessageException&) {
            break;
        } catch (const Poco::Net::MessageException&) {
            send_bad_request(socket(), settings_.tls);
            break;
        }
        session.setKeepAlive(keep_alive && params_->getKeepAlive());
        if (!keep_alive) {
            break;
        }
    }
}

}  // namespace es::portal::http
