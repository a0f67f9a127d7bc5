// The reference for the portal's page rate that nginx cannot give: Poco 1.11's HTTPServer with a
// handler that does nothing but answer the bytes of a file (the portal's page, saved by
// portal_bench.sh), with the portal's thread limits. Whatever the portal does per request comes on
// top of this, so its req/s is the ceiling for any page served through Poco's server here.
//
//   poco_ceiling_server <file>      prints "PORT <n>", serves until stdin closes
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

namespace {

class FixedAnswer : public Poco::Net::HTTPRequestHandler {
  public:
    explicit FixedAnswer(const std::string& body) : body_(body) {}
    void handleRequest(Poco::Net::HTTPServerRequest&,
                       Poco::Net::HTTPServerResponse& response) override {
        response.setContentType("text/html; charset=utf-8");
        response.setContentLength(static_cast<std::streamsize>(body_.size()));
        response.sendBuffer(body_.data(), body_.size());
    }

  private:
    const std::string& body_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
  public:
    explicit Factory(std::string body) : body_(std::move(body)) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest&) override {
        return new FixedAnswer(body_);
    }

  private:
    std::string body_;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: poco_ceiling_server <file>\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << "poco_ceiling_server: cannot read " << argv[1] << "\n";
        return 1;
    }
    std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // The portal's defaults (config: portal.max_threads 600, portal.max_queued 2000).
    Poco::ThreadPool pool(16, 600);
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(600);
    params->setMaxQueued(2000);
    params->setKeepAlive(true);
    params->setMaxKeepAliveRequests(0);  // unlimited, like wrk's connections expect
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    Poco::Net::HTTPServer server(new Factory(std::move(body)), pool, socket, params);
    server.start();
    std::cout << "PORT " << socket.address().port() << std::endl;
    std::string line;
    while (std::getline(std::cin, line)) {
    }
    server.stop();
    return 0;
}
