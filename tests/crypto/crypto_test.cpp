// Tokens, the secret box, Argon2id on its bounded pool, one-time codes, constant-time comparison.
#include <gtest/gtest.h>

#include <array>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>
#include <vector>

#include "crypto/base64url.hpp"
#include "crypto/constant_time.hpp"
#include "crypto/digest.hpp"
#include "crypto/one_time_code.hpp"
#include "crypto/password_hasher.hpp"
#include "crypto/random_bytes.hpp"
#include "crypto/secret_box.hpp"
#include "crypto/token.hpp"
#include "domain/error.hpp"

namespace es::crypto {
namespace {

std::string key_line(const std::string& id) {
    return id + ":" + base64_encode(random_bytes(32));
}

TEST(Token, Is43CharactersOfBase64UrlAndNeverRepeats) {
    std::set<std::string> seen;
    for (int i = 0; i < 10000; ++i) {
        const std::string t = new_token();
        ASSERT_EQ(t.size(), 43u);
        ASSERT_TRUE(looks_like_token(t)) << t;
        ASSERT_EQ(base64url_decode(t)->size(), 32u);
        seen.insert(t);
    }
    EXPECT_EQ(seen.size(), 10000u);
    EXPECT_FALSE(looks_like_token(std::string(43, '=')));
    EXPECT_FALSE(looks_like_token(std::string(42, 'a')));
}

TEST(Token, HashIsLowercaseHexSha256) {
    EXPECT_EQ(token_hash("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_NE(token_hash("abc"), token_hash("abd"));
}

// Known answers (FIPS 180-2, RFC 4231 cases 1 and 2), from several threads at once: the algorithms
// are fetched once and shared.
TEST(Digest, Sha256AndHmacSha256GiveTheStandardsAnswersOnEveryThread) {
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 200; ++i) {
                wrong += sha256_hex("abc") !=
                         "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
                wrong += sha256_hex("") !=
                         "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
                wrong += base64url_encode(hmac_sha256("Jefe", "what do ya want for nothing?")) !=
                         base64url_encode(std::string(
                             "\x5b\xdc\xc1\x46\xbf\x60\x75\x4e\x6a\x04\x24\x26\x08\x95\x75\xc7"
                             "\x5a\x00\x3f\x08\x9d\x27\x39\x83\x9d\xec\x58\xb9\x64\xec\x38\x43",
                             32));
                wrong += base64url_encode(hmac_sha256(std::string(20, '\x0b'), "Hi There")) !=
                         base64url_encode(std::string(
                             "\xb0\x34\x4c\x61\xd8\xdb\x38\x53\x5c\xa8\xaf\xce\xaf\x0b\xf1\x2b"
                             "\x88\x1d\xc2\x00\xc9\x83\x3d\xa7\x26\xe9\x37\x6c\x2e\x32\xcf\xf7",
                             32));
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    EXPECT_EQ(0, wrong.load());
}

TEST(Base64Url, RoundTripsEveryLengthAndRejectsForeignCharacters) {
    for (std::size_t n = 0; n < 40; ++n) {
        const std::string bytes = random_bytes(n);
        EXPECT_EQ(base64url_decode(base64url_encode(bytes)), bytes);
        EXPECT_EQ(base64_decode(base64_encode(bytes)), bytes);
    }
    EXPECT_FALSE(base64url_decode("ab+c"));
    EXPECT_FALSE(base64url_decode("abc="));
    EXPECT_FALSE(base64url_decode("a"));
}

TEST(SecretBox, OpensWhatItSealed) {
    auto box = SecretBox::from_key_lines(key_line("k1"));
    const std::string sealed = box.seal("the token", "token:share-1");
    EXPECT_EQ(sealed.rfind("v1.k1.", 0), 0u);
    EXPECT_EQ(sealed.find("the token"), std::string::npos);
    EXPECT_EQ(box.open(sealed, "token:share-1"), "the token");
    EXPECT_NE(box.seal("the token", "token:share-1"), sealed);  // fresh nonce every time
}

TEST(SecretBox, DetectsTamperingAndWrongPurpose) {
    auto box = SecretBox::from_key_lines(key_line("k1"));
    std::string sealed = box.seal("secret", "password:share-1");
    EXPECT_THROW(box.open(sealed, "password:share-2"), domain::Error);
    EXPECT_THROW(box.open(sealed, "token:share-1"), domain::Error);
    for (std::size_t i = 6; i < sealed.size(); ++i) {
        std::string bad = sealed;
        bad[i] = bad[i] == 'A' ? 'B' : 'A';
        EXPECT_THROW(box.open(bad, "password:share-1"), domain::Error) << i;
    }
    EXPECT_THROW(box.open("v1.k1.", "password:share-1"), domain::Error);
    EXPECT_THROW(box.open("nonsense", "password:share-1"), domain::Error);
}

TEST(SecretBox, RefusesAnUnknownKeyId) {
    auto a = SecretBox::from_key_lines(key_line("k1"));
    auto b = SecretBox::from_key_lines(key_line("k2"));
    EXPECT_THROW(b.open(a.seal("x", "ad"), "ad"), domain::Error);
    // Same id, different key: authentication fails.
    auto c = SecretBox::from_key_lines(key_line("k1"));
    EXPECT_THROW(c.open(a.seal("x", "ad"), "ad"), domain::Error);
}

TEST(SecretBox, RotationSealsWithTheFirstKeyAndOpensWithAll) {
    const std::string old_line = key_line("2025");
    auto before = SecretBox::from_key_lines(old_line);
    const std::string old_sealed = before.seal("old", "ad");
    auto after =
        SecretBox::from_key_lines("# rotated\n" + key_line("2026") + "\n" + old_line + "\n");
    EXPECT_EQ(after.sealing_key_id(), "2026");
    EXPECT_EQ(after.open(old_sealed, "ad"), "old");
    EXPECT_EQ(after.seal("new", "ad").rfind("v1.2026.", 0), 0u);
}

TEST(SecretBox, RejectsMalformedKeyLines) {
    EXPECT_THROW(SecretBox::from_key_lines(""), domain::Error);
    EXPECT_THROW(SecretBox::from_key_lines("k1:" + base64_encode(random_bytes(16))), domain::Error);
    EXPECT_THROW(SecretBox::from_key_lines("no-colon"), domain::Error);
    EXPECT_THROW(SecretBox::from_key_lines(key_line("k1") + "\n" + key_line("k1")), domain::Error);
}

TEST(SecretBox, DevKeyFileIsCreatedOnceWithOwnerOnlyPermissions) {
    const auto dir = std::filesystem::temp_directory_path() / ("es-keys-" + new_share_id());
    const std::string path = (dir / "keys.txt").string();
    EXPECT_TRUE(ensure_dev_key_file(path));
    std::ifstream in(path);
    const std::string content((std::istreambuf_iterator<char>(in)), {});
    EXPECT_FALSE(ensure_dev_key_file(path));
    std::ifstream again(path);
    EXPECT_EQ(std::string((std::istreambuf_iterator<char>(again)), {}), content);
    const auto perms = std::filesystem::status(path).permissions();
    EXPECT_EQ(perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all),
              std::filesystem::perms::none);
    config::CryptoSettings settings;
    settings.key_file = path;
    auto box = SecretBox::from_settings(settings);
    EXPECT_EQ(box.open(box.seal("x", "y"), "y"), "x");
    std::filesystem::remove_all(dir);
}

config::Argon2Settings small_argon2(int in_flight) {
    config::Argon2Settings a;
    a.memory_kib = 8 * 1024;
    a.iterations = 1;
    a.max_in_flight = in_flight;
    return a;
}

TEST(PasswordHasher, VerifiesTheRightPasswordOnly) {
    PasswordHasher hasher(small_argon2(1));
    const std::string encoded = hasher.hash("correct horse");
    EXPECT_EQ(encoded.rfind("$argon2id$v=19$m=8192,t=1,p=1$", 0), 0u) << encoded;
    EXPECT_TRUE(hasher.verify(encoded, "correct horse"));
    EXPECT_FALSE(hasher.verify(encoded, "correct horsE"));
    EXPECT_FALSE(hasher.verify(encoded, ""));
    EXPECT_FALSE(hasher.verify("not a hash", "correct horse"));
    EXPECT_NE(hasher.hash("correct horse"), encoded);  // fresh salt
}

// One password however its letters were composed: "ä" as one character (NFC, most keyboards) or
// as "a" + U+0308 (NFD, as some systems and paste buffers give it).
TEST(PasswordHasher, APasswordIsTheSameInComposedAndDecomposedForm) {
    PasswordHasher hasher(small_argon2(1));
    const std::string composed = "P\u00e4sswort-12345";
    const std::string decomposed = "Pa\u0308sswort-12345";
    ASSERT_NE(composed, decomposed);
    const std::string set_composed = hasher.hash(composed);
    EXPECT_TRUE(hasher.verify(set_composed, decomposed));
    EXPECT_TRUE(hasher.verify(set_composed, composed));
    const std::string set_decomposed = hasher.hash(decomposed);
    EXPECT_TRUE(hasher.verify(set_decomposed, composed));
    EXPECT_FALSE(hasher.verify(set_composed, "Passwort-12345"));
}

TEST(PasswordHasher, DefaultSettingsAreArgon2idWith19MiBTwoPassesOneLane) {
    PasswordHasher hasher(config::Argon2Settings{});
    EXPECT_EQ(hasher.hash("x").rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u);
}

TEST(PasswordHasher, NeverRunsMoreThanItsCapacityAtOnce) {
    PasswordHasher hasher(small_argon2(3));
    std::atomic<int> max_seen{0};
    std::atomic<bool> done{false};
    std::thread watcher([&] {
        while (!done) {
            max_seen = std::max(max_seen.load(), hasher.in_flight());
        }
    });
    std::vector<std::thread> callers;
    for (int i = 0; i < 20; ++i) {
        callers.emplace_back([&] { hasher.hash("password " + std::to_string(i)); });
    }
    for (auto& t : callers) {
        t.join();
    }
    done = true;
    watcher.join();
    EXPECT_EQ(hasher.peak_in_flight(), 3);  // the bound was reached, and never passed
    EXPECT_LE(max_seen.load(), 3);
    EXPECT_EQ(hasher.in_flight(), 0);
}

TEST(PasswordHasher, RefusesCallersBeyondTheWaitingLimit) {
    PasswordHasher hasher(small_argon2(1), 1);
    std::atomic<int> refused{0};
    std::vector<std::thread> callers;
    for (int i = 0; i < 8; ++i) {
        callers.emplace_back([&] {
            try {
                hasher.hash("x");
            } catch (const domain::Error& e) {
                refused += e.kind() == domain::Error::Kind::Unavailable;
            }
        });
    }
    for (auto& t : callers) {
        t.join();
    }
    EXPECT_GT(refused.load(), 0);
}

TEST(OneTimeCode, HasTheRequestedDigits) {
    for (int digits : {5, 6, 8}) {
        for (int i = 0; i < 200; ++i) {
            const std::string code = new_code(digits);
            ASSERT_EQ(code.size(), static_cast<std::size_t>(digits));
            ASSERT_EQ(code.find_first_not_of("0123456789"), std::string::npos);
        }
    }
    EXPECT_THROW(new_code(3), domain::Error);
}

TEST(OneTimeCode, DigitsAreRoughlyUniform) {
    std::array<int, 10> first{};
    std::array<int, 10> last{};
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
        const std::string code = new_code(6);
        ++first[code.front() - '0'];
        ++last[code.back() - '0'];
    }
    // Expected 2000 each; 5 standard deviations is about ±212.
    for (int d = 0; d < 10; ++d) {
        EXPECT_NEAR(first[d], n / 10, 250) << "leading digit " << d;
        EXPECT_NEAR(last[d], n / 10, 250) << "last digit " << d;
    }
}

TEST(OneTimeCode, DigestIsBoundToTheShare) {
    EXPECT_NE(code_digest("share-1", "123456"), code_digest("share-2", "123456"));
    EXPECT_EQ(code_digest("share-1", "123456"), code_digest("share-1", "123456"));
}

TEST(ConstantTimeCompare, IsEqualityOfLengthAndBytes) {
    EXPECT_TRUE(equal_constant_time("", ""));
    EXPECT_TRUE(equal_constant_time("abc", "abc"));
    EXPECT_FALSE(equal_constant_time("abc", "abd"));
    EXPECT_FALSE(equal_constant_time("abc", "ab"));
    EXPECT_FALSE(equal_constant_time("xbc", "abc"));
    EXPECT_FALSE(equal_constant_time(std::string("a\0b", 3), std::string("a\0c", 3)));
}

TEST(ShareId, Is32RandomHexDigits) {
    const std::string id = new_share_id();
    EXPECT_EQ(id.size(), 32u);
    EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_NE(new_share_id(), id);
}

}  // namespace
}  // namespace es::crypto
