#include "http_client.hpp"

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/URI.h>

#include <regex>
#include <stdexcept>

namespace es::portal::test {
namespace {

bool iequal(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

HttpResponse parse(const std::string& raw) {
    HttpResponse r;
    const auto end = raw.find("\r\n\r\n");
    if (end == std::string::npos) {
        throw std::runtime_error("no complete response head");
    }
    const std::string head = raw.substr(0, end);
    r.body = raw.substr(end + 4);
    std::size_t pos = head.find("\r\n");
    const std::string status_line = head.substr(0, pos);
    r.status = std::stoi(status_line.substr(9, 3));
    while (pos != std::string::npos && pos < head.size()) {
        const auto next = head.find("\r\n", pos + 2);
        const std::string line =
            head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
        const auto colon = line.find(':');
        if (colon != std::string::npos) {
            std::string value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ') {
                value.erase(0, 1);
            }
            r.headers.emplace_back(line.substr(0, colon), value);
        }
        pos = next;
    }
    return r;
}

}  // namespace

std::string HttpResponse::header(const std::string& name) const {
    for (const auto& [n, v] : headers) {
        if (iequal(n, name)) {
            return v;
        }
    }
    return "";
}

bool HttpResponse::has(const std::string& name) const {
    for (const auto& h : headers) {
        if (iequal(h.first, name)) {
            return true;
        }
    }
    return false;
}

std::vector<std::string> HttpResponse::all(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& [n, v] : headers) {
        if (iequal(n, name)) {
            out.push_back(v);
        }
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> HttpResponse::comparable_headers() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& h : headers) {
        if (!iequal(h.first, "Date")) {
            out.push_back(h);
        }
    }
    return out;
}

std::string raw_exchange(std::uint16_t port, const std::string& bytes) {
    Poco::Net::StreamSocket s(Poco::Net::SocketAddress("127.0.0.1", port));
    s.setReceiveTimeout(Poco::Timespan(30, 0));
    s.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
    std::string raw;
    char buf[65536];
    while (true) {
        const int n = s.receiveBytes(buf, sizeof buf);
        if (n <= 0) {
            break;
        }
        raw.append(buf, static_cast<std::size_t>(n));
    }
    return raw;
}

HttpResponse http_request(std::uint16_t port, const std::string& method, const std::string& path,
                          const Headers& headers, const std::string& body) {
    std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const auto& [n, v] : headers) {
        req += n + ": " + v + "\r\n";
    }
    if (!body.empty() || method == "POST") {
        req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    }
    req += "\r\n" + body;
    return parse(raw_exchange(port, req));
}

std::string form_encode(const std::map<std::string, std::string>& fields) {
    std::string out;
    for (const auto& [k, v] : fields) {
        std::string ek, ev;
        Poco::URI::encode(k, "&=+;/?#%", ek);
        Poco::URI::encode(v, "&=+;/?#%", ev);
        out += (out.empty() ? "" : "&") + ek + "=" + ev;
    }
    return out;
}

HttpResponse Browser::send(const std::string& method, const std::string& path, Headers headers,
                           const std::string& body) {
    std::string cookie;
    for (const auto& [n, v] : cookies) {
        cookie += (cookie.empty() ? "" : "; ") + n + "=" + v;
    }
    if (!cookie.empty()) {
        headers.emplace_back("Cookie", cookie);
    }
    if (!ip.empty()) {
        headers.emplace_back("X-Forwarded-For", ip);
    }
    auto r = http_request(port_, method, path, headers, body);
    for (const auto& c : r.all("Set-Cookie")) {
        const auto eq = c.find('=');
        const auto semi = c.find(';');
        const std::string name = c.substr(0, eq);
        const std::string value = c.substr(eq + 1, semi - eq - 1);
        if (c.find("Max-Age=0") != std::string::npos) {
            cookies.erase(name);
        } else {
            cookies[name] = value;
        }
    }
    return r;
}

HttpResponse Browser::get(const std::string& path, Headers extra) {
    return send("GET", path, std::move(extra), "");
}
HttpResponse Browser::head(const std::string& path, Headers extra) {
    return send("HEAD", path, std::move(extra), "");
}
HttpResponse Browser::post(const std::string& path,
                           const std::map<std::string, std::string>& fields, Headers extra) {
    extra.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    return send("POST", path, std::move(extra), form_encode(fields));
}

std::string Browser::csrf_of(const std::string& html) {
    static const std::regex re("name=\"csrf\" value=\"([^\"]+)\"");
    std::smatch m;
    return std::regex_search(html, m, re) ? m[1].str() : std::string();
}

}  // namespace es::portal::test
