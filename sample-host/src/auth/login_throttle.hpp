// Slows down password guessing: after a few failures for one login name from one address, or
// many from one address for any names, further attempts from that address are refused for a
// while, whether the login exists or not (so it reveals nothing). Failures never lock the login
// itself: login names are easy to guess (first.last), and a lock by name alone let anyone keep
// anyone out with five wrong passwords from anywhere.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace host {

class LoginThrottle {
  public:
    using Clock = std::chrono::steady_clock;

    explicit LoginThrottle(int max_failures = 5,
                           std::chrono::seconds window = std::chrono::seconds(300))
        : max_failures_(max_failures), window_(window) {}

    // True when an attempt for this login from this address may be checked now. [any-thread]
    bool allowed(const std::string& login, const std::string& address);
    void failed(const std::string& login, const std::string& address);
    void succeeded(const std::string& login, const std::string& address);

  private:
    struct Failures {
        int count = 0;
        Clock::time_point first;
    };
    bool blocked(const std::string& key, int limit, Clock::time_point now);
    void count(const std::string& key, Clock::time_point now);

    int max_failures_;
    std::chrono::seconds window_;
    std::mutex mutex_;
    std::map<std::string, Failures> failures_;
};

}  // namespace host
