// Licence keys: the good one is accepted; every kind of bad one is refused with one sentence.
#include <Poco/Base64Encoder.h>
#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <gtest/gtest.h>

#include <sstream>

#include "config/config_error.hpp"
#include "licence/decoded_licence_key.hpp"
#include "licence/licence_refused.hpp"
#include "licence/licence_signer.hpp"
#include "licence/licence_verifier.hpp"
#include "support/licence_world.hpp"

namespace es::licence {
namespace {

using testing::at;
using testing::days;

std::string base64url(const std::string& bytes) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder << bytes;
    encoder.close();
    return out.str();
}

class VerifierTest : public ::testing::Test {
  protected:
    VerifierTest() : verifier({{"vendor-1", testing::vendor_keys().public_pem}}) {}

    domain::Licence licence(const std::string& org = "org-1") const {
        domain::Licence l;
        l.licence_id = "L-42";
        l.organisation_id = org;
        l.plan = domain::Plan::Pro;
        l.seats = 25;
        l.valid_from = now - days(10);
        l.valid_until = now + days(355);
        return l;
    }

    std::string sign(const domain::Licence& l, const std::string& pem,
                     const std::string& kid) const {
        return LicenceSigner(pem, kid).sign(l);
    }
    std::string good() const {
        return sign(licence(), testing::vendor_keys().private_pem, "vendor-1");
    }

    // The refusal's sentence; fails the test when the key is accepted.
    std::string refusal(const std::string& key) const {
        try {
            verifier.verify(key, "org-1", now);
        } catch (const LicenceRefused& e) {
            return e.what();
        }
        ADD_FAILURE() << "accepted: " << key;
        return {};
    }

    // Claims of a good key, for hand-made forgeries.
    std::string claims_json(std::int64_t seats) const {
        std::ostringstream out;
        out << R"({"iss":"external-sharing-vendor","sub":"org-1","jti":"L-42","plan":"pro","seats":)"
            << seats << R"(,"nbf":)" << domain::to_epoch_ms(now - days(10)) / 1000 << R"(,"exp":)"
            << domain::to_epoch_ms(now + days(355)) / 1000 << "}";
        return out.str();
    }

    domain::Timestamp now = at("2026-06-01T12:00:00Z");
    LicenceVerifier verifier;
};

TEST_F(VerifierTest, AcceptsAKeySignedByTheVendorWithAllClaims) {
    const domain::Licence got = verifier.verify(good(), "org-1", now);
    EXPECT_EQ(got.licence_id, "L-42");
    EXPECT_EQ(got.organisation_id, "org-1");
    EXPECT_EQ(got.plan, domain::Plan::Pro);
    EXPECT_EQ(got.seats, 25);
    EXPECT_EQ(got.valid_from, now - days(10));
    EXPECT_EQ(got.valid_until, now + days(355));
    EXPECT_EQ(got.key_id, "vendor-1");
    EXPECT_EQ(got.issuer, kLicenceIssuer);
}

TEST_F(VerifierTest, AcceptsAKeyPastedWithSurroundingWhiteSpace) {
    EXPECT_NO_THROW(verifier.verify("  \n" + good() + "\r\n", "org-1", now));
}

TEST_F(VerifierTest, RefusesTextThatIsNotAJwt) {
    for (const std::string bad : {"", "hello", "a.b", "a.b.c.d", "!!.??.**", "e30.e30"}) {
        EXPECT_NE(refusal(bad).find("not a licence key"), std::string::npos) << bad;
    }
}

TEST_F(VerifierTest, RefusesAlgorithmNone) {
    const std::string key = base64url(R"({"alg":"none","kid":"vendor-1","typ":"JWT"})") + "." +
                            base64url(claims_json(25)) + ".";
    EXPECT_NE(refusal(key).find("algorithm 'none'"), std::string::npos);
}

TEST_F(VerifierTest, RefusesHs256KeyedWithTheVendorPublicKey) {
    // Algorithm confusion: an attacker knows the public key and uses it as an HMAC secret.
    Poco::JWT::Token token;
    token.header().set("kid", std::string("vendor-1"));
    token.setIssuer(kLicenceIssuer);
    token.setSubject("org-1");
    token.setId("L-42");
    token.payload().set("plan", std::string("pro"));
    token.payload().set("seats", 25);
    token.payload().set("nbf", static_cast<Poco::Int64>(domain::to_epoch_ms(now) / 1000 - 10));
    token.payload().set("exp", static_cast<Poco::Int64>(domain::to_epoch_ms(now) / 1000 + 1000));
    Poco::JWT::Signer hmac(testing::vendor_keys().public_pem);
    const std::string key = hmac.sign(token, Poco::JWT::Signer::ALGO_HS256);
    EXPECT_NE(refusal(key).find("algorithm 'HS256'"), std::string::npos);
}

TEST_F(VerifierTest, RefusesAnUnknownKeyId) {
    const std::string key = sign(licence(), testing::vendor_keys().private_pem, "vendor-9");
    EXPECT_NE(refusal(key).find("'vendor-9'"), std::string::npos);
}

TEST_F(VerifierTest, RefusesAKeySignedByAnotherKeyUnderTheVendorsKeyId) {
    const std::string key = sign(licence(), testing::stranger_keys().private_pem, "vendor-1");
    EXPECT_NE(refusal(key).find("signature"), std::string::npos);
}

TEST_F(VerifierTest, RefusesATamperedPayload) {
    const std::string key = good();
    const auto first = key.find('.');
    const auto second = key.find('.', first + 1);
    const std::string forged =
        key.substr(0, first + 1) + base64url(claims_json(5000)) + key.substr(second);
    EXPECT_NE(refusal(forged).find("signature"), std::string::npos);
}

TEST_F(VerifierTest, RefusesAKeyForAnotherOrganisation) {
    const std::string key = sign(licence("org-2"), testing::vendor_keys().private_pem, "vendor-1");
    EXPECT_NE(refusal(key).find("another organisation"), std::string::npos);
}

TEST_F(VerifierTest, RefusesAKeyWhoseWindowIsOver) {
    domain::Licence l = licence();
    l.valid_from = now - days(400);
    l.valid_until = now - days(35);
    EXPECT_NE(refusal(sign(l, testing::vendor_keys().private_pem, "vendor-1")).find("expired"),
              std::string::npos);
}

TEST_F(VerifierTest, RefusesAKeyNotYetValid) {
    domain::Licence l = licence();
    l.valid_from = now + days(1);
    EXPECT_NE(
        refusal(sign(l, testing::vendor_keys().private_pem, "vendor-1")).find("valid only from"),
        std::string::npos);
}

TEST_F(VerifierTest, RefusesAnotherIssuer) {
    domain::Licence l = licence();
    l.issuer = "someone-else";
    EXPECT_NE(refusal(sign(l, testing::vendor_keys().private_pem, "vendor-1")).find("not issued"),
              std::string::npos);
}

TEST_F(VerifierTest, EveryRefusalIsOneSentence) {
    domain::Licence expired = licence();
    expired.valid_from = now - days(400);
    expired.valid_until = now - days(35);
    for (const std::string& key :
         {std::string("nonsense"),
          sign(licence(), testing::stranger_keys().private_pem, "vendor-1"),
          sign(licence("org-2"), testing::vendor_keys().private_pem, "vendor-1"),
          sign(expired, testing::vendor_keys().private_pem, "vendor-1")}) {
        const std::string sentence = refusal(key);
        ASSERT_FALSE(sentence.empty());
        EXPECT_EQ(sentence.back(), '.');
        EXPECT_EQ(sentence.find('\n'), std::string::npos);
    }
}

TEST_F(VerifierTest, AVendorKeyThatIsNotAnEcPublicKeyIsAConfigurationError) {
    const std::vector<VendorPublicKey> garbage = {
        {"k", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"}};
    EXPECT_THROW(LicenceVerifier{garbage}, config::ConfigError);
    const std::vector<VendorPublicKey> twice = {{"k", testing::vendor_keys().public_pem},
                                                {"k", testing::vendor_keys().public_pem}};
    EXPECT_THROW(LicenceVerifier{twice}, config::ConfigError);
}

}  // namespace
}  // namespace es::licence
