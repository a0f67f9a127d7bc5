#include "auth/login_throttle.hpp"

namespace host {
namespace {

std::string pair_key(const std::string& login, const std::string& address) {
    return "login:" + address + "\n" + login;  // a newline is in no address
}

}  // namespace

bool LoginThrottle::blocked(const std::string& key, int limit, Clock::time_point now) {
    auto it = failures_.find(key);
    if (it == failures_.end())
        return false;
    if (now - it->second.first > window_) {
        failures_.erase(it);
        return false;
    }
    return it->second.count >= limit;
}

void LoginThrottle::count(const std::string& key, Clock::time_point now) {
    auto& f = failures_[key];
    if (f.count == 0 || now - f.first > window_) {
        f = Failures{0, now};
    }
    ++f.count;
}

bool LoginThrottle::allowed(const std::string& login, const std::string& address) {
    std::lock_guard lock(mutex_);
    auto now = Clock::now();
    // An address gets more room than one login from it: several people may share one NAT address.
    return !blocked(pair_key(login, address), max_failures_, now) &&
           !blocked("addr:" + address, max_failures_ * 4, now);
}

void LoginThrottle::failed(const std::string& login, const std::string& address) {
    std::lock_guard lock(mutex_);
    if (failures_.size() > 100000)
        failures_.clear();  // bound memory under a spray attack
    auto now = Clock::now();
    count(pair_key(login, address), now);
    count("addr:" + address, now);
}

void LoginThrottle::succeeded(const std::string& login, const std::string& address) {
    std::lock_guard lock(mutex_);
    failures_.erase(pair_key(login, address));
}

}  // namespace host
