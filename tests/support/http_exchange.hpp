// One HTTP/1.1 exchange of a test or benchmark with a server it started: the request sent with its
// body and the client's cookies, the whole answer read, the cookies it sets kept. Header-only
// (Poco::Net alone), so that the sample host's tests and its benchmark share it.
#pragma once

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>

#include <istream>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace http_test {

struct Answer {
    int status = 0;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

// A client's cookies by name.
using Cookies = std::map<std::string, std::string>;

// Sends `request` on `session` with `cookies`, and with `body` as `content_type` when there is a
// body or the method is POST or PUT, and reads the answer. A cookie the answer sets replaces the
// client's; one set empty is dropped, as a browser drops an expired one.
inline Answer exchange(Poco::Net::HTTPClientSession& session, Poco::Net::HTTPRequest& request,
                       Cookies& cookies, const std::string& body, const std::string& content_type) {
    if (!cookies.empty()) {
        Poco::Net::NameValueCollection jar;
        for (const auto& [name, value] : cookies)
            jar.add(name, value);
        request.setCookies(jar);
    }
    const std::string& method = request.getMethod();
    if (!body.empty() || method == "POST" || method == "PUT") {
        request.setContentType(content_type);
        request.setContentLength(static_cast<std::streamsize>(body.size()));
        session.sendRequest(request) << body;
    } else {
        session.sendRequest(request);
    }
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    Answer answer;
    answer.status = response.getStatus();
    Poco::StreamCopier::copyToString(in, answer.body);
    for (const auto& [name, value] : response)
        answer.headers.emplace_back(name, value);
    std::vector<Poco::Net::HTTPCookie> set;
    response.getCookies(set);
    for (const auto& c : set) {
        if (c.getValue().empty())
            cookies.erase(c.getName());
        else
            cookies[c.getName()] = c.getValue();
    }
    return answer;
}

}  // namespace http_test
