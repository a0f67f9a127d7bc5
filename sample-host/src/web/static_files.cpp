#include "web/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace host {

namespace fs = std::filesystem;

namespace {

std::string content_type(const fs::path& p) {
    static const std::map<std::string, std::string> types = {
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".json", "application/json"}};
    auto it = types.find(p.extension().string());
    return it == types.end() ? "application/octet-stream" : it->second;
}

bool safe_name(const std::string& name) {
    if (name.empty() || name.size() > 100)
        return false;
    for (char c : name) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            return false;
    }
    return name.find("..") == std::string::npos;
}

}  // namespace

void StaticFiles::serve(Exchange& ex) const {
    if (ex.method() != "GET" && ex.method() != "HEAD") {
        ex.send_error(405, "method_not_allowed", "This method is not allowed here.");
        return;
    }
    std::string name;
    const std::string& path = ex.path();
    if (path == "/" || path == "/index.html") {
        name = "index.html";
    } else if (path.rfind("/static/", 0) == 0) {
        name = path.substr(8);
    }
    if (!safe_name(name) || !fs::is_regular_file(fs::path(root_) / name)) {
        ex.send_error(404, "not_found", "Not found.");
        return;
    }
    std::ifstream in(fs::path(root_) / name, std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    std::string data = body.str();
    auto& r = ex.response();
    r.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
    r.setContentType(content_type(name));
    r.set("Cache-Control", "no-cache");
    Exchange::security_headers(r);
    r.setContentLength(static_cast<std::streamsize>(data.size()));
    auto& out = r.send();
    if (ex.method() == "GET")
        out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

}  // namespace host
