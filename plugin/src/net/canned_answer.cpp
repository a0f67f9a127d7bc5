#include "net/canned_answer.hpp"

#include <sstream>

namespace es::net {

std::string canned_answer(int status, std::chrono::seconds retry_after,
                          const std::function<std::string(Poco::Net::HTTPResponse&)>& compose) {
    Poco::Net::HTTPResponse response(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
    response.setKeepAlive(false);
    if (status == Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE) {
        response.set("Retry-After", std::to_string(retry_after.count()));
    }
    std::string body;
    if (compose) {
        body = compose(response);
    } else {
        response.setContentType("text/plain; charset=utf-8");
        body = response.getReason() + "\n";
    }
    response.setContentLength(static_cast<std::streamsize>(body.size()));
    std::ostringstream out;
    response.write(out);
    out << body;
    return out.str();
}

}  // namespace es::net
