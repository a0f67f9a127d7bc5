// The sample host's sign-in throttle slows guessing by address, and never locks a login out:
// login names are easy to guess (first.last), so five wrong passwords from anywhere must not keep
// the person out.
#include <gtest/gtest.h>

#include <string>

#include "auth/login_throttle.hpp"

namespace host::test {
namespace {

TEST(LoginThrottle, WrongPasswordsFromElsewhereDoNotLockThePersonOut) {
    LoginThrottle t(5);
    for (int i = 1; i <= 20; ++i) {
        const std::string attacker = "198.51.100." + std::to_string(i);
        ASSERT_TRUE(t.allowed("gabriela.weber", attacker)) << i;
        t.failed("gabriela.weber", attacker);
    }
    EXPECT_TRUE(t.allowed("gabriela.weber", "192.0.2.7")) << "her own address";
}

TEST(LoginThrottle, OneAddressGetsFiveTriesPerLoginAndTwentyInAll) {
    LoginThrottle t(5);
    const std::string address = "198.51.100.1";
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(t.allowed("claudia.frei", address)) << i;
        t.failed("claudia.frei", address);
    }
    EXPECT_FALSE(t.allowed("claudia.frei", address)) << "the sixth try for one login";
    EXPECT_TRUE(t.allowed("claudia.frei", "192.0.2.7")) << "another address";
    EXPECT_TRUE(t.allowed("felix.huber", address)) << "another login from the same office";
    // Spraying many logins from one address: twenty failures in all, then that address waits.
    for (int i = 0; i < 15; ++i) {
        const std::string login = "user" + std::to_string(i);
        ASSERT_TRUE(t.allowed(login, address)) << i;
        t.failed(login, address);
    }
    EXPECT_FALSE(t.allowed("felix.huber", address));
    EXPECT_TRUE(t.allowed("felix.huber", "192.0.2.7"));
}

TEST(LoginThrottle, TheRightPasswordClearsThatAddresssCountForTheLogin) {
    LoginThrottle t(5);
    for (int i = 0; i < 4; ++i) {
        t.failed("anna.meier", "192.0.2.7");
    }
    t.succeeded("anna.meier", "192.0.2.7");
    for (int i = 0; i < 4; ++i) {
        ASSERT_TRUE(t.allowed("anna.meier", "192.0.2.7")) << i;
        t.failed("anna.meier", "192.0.2.7");
    }
}

}  // namespace
}  // namespace host::test
