// nginx as the load balancer in front of several instances, configured as docs/deployment.md
// does it (round robin, no stickiness, a failed upstream passed over), on free loopback ports:
// one front port per group of upstreams (e.g. the portals, and the hosts). Header-only.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace es::test {

class NginxBalancer {
  public:
    struct Group {
        int front_port;              // where clients connect
        std::vector<int> upstreams;  // the instances' ports on 127.0.0.1
    };

    NginxBalancer(const std::string& dir, std::vector<Group> groups) : dir_(dir + "/nginx") {
        std::filesystem::create_directories(dir_ + "/logs");
        const std::string conf = dir_ + "/nginx.conf";
        std::ofstream out(conf);
        out << "worker_processes 1;\nerror_log " << dir_ << "/logs/error.log;\npid " << dir_
            << "/nginx.pid;\nevents { worker_connections 256; }\nhttp {\n  access_log off;\n"
            << "  client_body_temp_path " << dir_ << "/body;\n  proxy_temp_path " << dir_
            << "/proxy;\n  client_max_body_size 0;\n";
        for (std::size_t g = 0; g < groups.size(); ++g) {
            out << "  upstream group" << g << " {\n";
            for (int port : groups[g].upstreams) {
                out << "    server 127.0.0.1:" << port << " max_fails=1 fail_timeout=2s;\n";
            }
            out << "    keepalive 16;\n  }\n"
                << "  server {\n    listen 127.0.0.1:" << groups[g].front_port << ";\n"
                << "    location / {\n      proxy_pass http://group" << g << ";\n"
                << "      proxy_http_version 1.1;\n"
                << "      proxy_set_header Connection \"\";\n"
                // The instances trust 127.0.0.1 as a proxy only where a test configures it;
                // the header is what a real deployment sends.
                << "      proxy_set_header X-Forwarded-For $remote_addr;\n"
                << "      proxy_buffering off;\n"
                << "      proxy_next_upstream error timeout;\n"
                << "      proxy_next_upstream_tries 2;\n"
                << "      proxy_connect_timeout 2s;\n    }\n  }\n";
        }
        out << "}\n";
        out.close();
        pid_ = ::fork();
        if (pid_ == 0) {
            // Not the test's output: ctest would wait for nginx if the test died first.
            std::freopen((dir_ + "/logs/stdout").c_str(), "w", stdout);
            std::freopen((dir_ + "/logs/stderr").c_str(), "w", stderr);
            ::execl("/usr/sbin/nginx", "nginx", "-p", dir_.c_str(), "-c", conf.c_str(), "-g",
                    "daemon off;", static_cast<char*>(nullptr));
            ::_exit(127);
        }
    }
    ~NginxBalancer() {
        ::kill(pid_, SIGQUIT);
        ::waitpid(pid_, nullptr, 0);
    }
    NginxBalancer(const NginxBalancer&) = delete;
    NginxBalancer& operator=(const NginxBalancer&) = delete;

    std::string error_log() const {
        std::ifstream in(dir_ + "/logs/error.log");
        return std::string(std::istreambuf_iterator<char>(in), {});
    }

  private:
    std::string dir_;
    pid_t pid_ = -1;
};

}  // namespace es::test
