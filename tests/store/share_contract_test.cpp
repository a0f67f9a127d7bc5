// The share use cases against each backend: the same test bodies for SQLite and MariaDB.
#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "crypto/token.hpp"
#include "domain/validation_failed.hpp"
#include "share_world.hpp"
#include "text/time_text.hpp"

namespace es::test {
namespace {

using domain::Error;
using domain::Section;
using domain::ShareStatus;
using domain::ValidationFailed;

template <class B>
class ShareContract : public ShareWorld<B> {
  protected:
    // Expects create() to fail with exactly this field and rule among its violations, and the
    // database to hold no share, selection, outbox message or audit entry afterwards.
    void expect_rejected(const domain::Actor& actor, const domain::ShareRequest& r,
                         const std::string& field, const std::string& rule) {
        try {
            this->service->create(actor, r);
            FAIL() << "create() accepted a request breaking " << field << "/" << rule;
        } catch (const ValidationFailed& e) {
            EXPECT_TRUE(e.has(field, rule)) << e.what();
        }
        expect_database_empty();
    }
    void expect_database_empty() {
        for (const char* table : {"shares", "share_sections", "share_items", "outbox", "audit"}) {
            EXPECT_EQ(this->backend->count(table), 0) << table;
        }
    }
    std::string token_of(const app::CreatedShare& c) { return c.url.substr(c.url.rfind('/') + 1); }
};

TYPED_TEST_SUITE(ShareContract, Backends, BackendNames);

TYPED_TEST(ShareContract, CreatedShareIsFoundByItsTokenHashAndListedForItsCase) {
    auto created = this->service->create(this->alice, this->request());
    const std::string token = this->token_of(created);
    EXPECT_EQ(token.size(), crypto::kTokenLength);
    EXPECT_EQ(created.url, "https://share.example.org/s/" + token);

    auto found = this->store->shares().find_live_by_token_hash(crypto::token_hash(token));
    ASSERT_TRUE(found);
    EXPECT_EQ(*found, created.share);
    EXPECT_FALSE(this->store->shares().find_live_by_token_hash(crypto::token_hash(token + "x")));

    auto listed = this->service->list(this->alice, "case-1");
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].status, ShareStatus::Active);
    EXPECT_EQ(listed[0].share.recipient.email, "erika@example.org");
    EXPECT_FALSE(listed[0].last_access);
}

TYPED_TEST(ShareContract, NewShareSelectsEverythingTheCaseHoldsNow) {
    auto created = this->service->create(this->alice, this->request());
    const auto selection = this->store->shares().selection(created.share.id);
    domain::CaseItems items{{"f1", "f2"}, {"j1", "j2"}, {"a1", "a2"}};
    EXPECT_EQ(selection.visible_ids(Section::Attachments, items),
              (std::vector<std::string>{"a1", "a2"}));
    EXPECT_EQ(selection.visible_ids(Section::Journal, items),
              (std::vector<std::string>{"j1", "j2"}));
}

// The items come back in the order they were chosen in, sections first, which is neither the
// order of their ids nor of their sections (the store puts them in order itself, not SQL).
TYPED_TEST(ShareContract, StoredSelectionKeepsTheOrderItWasChosenIn) {
    auto created = this->service->create(this->alice, this->request());
    domain::Share copy = created.share;
    copy.id = std::string(32, 'c');
    copy.secrets.token_hash = std::string(64, 'd');
    domain::Selection chosen;
    chosen.include_section(Section::Attachments, true);
    chosen.include_section(Section::Journal, true);
    chosen.set_visible(Section::Journal, "j2", false);
    for (const char* id : {"a2", "z1", "a1"}) {
        chosen.set_visible(Section::Attachments, id, true);
    }
    chosen.set_visible(Section::Journal, "j1", true);
    const domain::AuditEntry audit{0,       copy.organisation_id, copy.case_id,   copy.id,
                                   "alice", copy.created_at,      "share.create", "{}"};
    this->store->shares().create(copy, chosen, {}, audit);
    EXPECT_EQ(this->store->shares().selection(copy.id), chosen);
}

TYPED_TEST(ShareContract, TokenAndPasswordAreNeverStoredInPlain) {
    auto r = this->request();
    r.protection = {domain::Protection::Password, "correct horse battery"};
    r.delivery = domain::Delivery::EmailedLink;
    auto created = this->service->create(this->alice, r);
    const std::string token = this->token_of(created);
    const std::string dump = this->backend->dump();
    ASSERT_NE(dump.find(created.share.secrets.token_hash), std::string::npos)
        << "the dump must contain the data, or the scan proves nothing";
    EXPECT_EQ(dump.find(token), std::string::npos);
    EXPECT_EQ(dump.find("correct horse battery"), std::string::npos);
    // ... yet the owner can still have both back.
    EXPECT_EQ(this->service->private_url(this->alice, created.share.id), created.url);
    EXPECT_EQ(this->service->reveal_password(this->alice, created.share.id),
              "correct horse battery");
}

TYPED_TEST(ShareContract, CreateWritesNothingWhenTheOutboxInsertFails) {
    this->backend->fail_inserts_into("outbox");
    auto r = this->request();
    r.delivery = domain::Delivery::EmailedLink;
    EXPECT_THROW(this->service->create(this->alice, r), Error);
    this->expect_database_empty();
    // The direct link writes no outbox row and still works: the failure was the outbox alone.
    EXPECT_NO_THROW(this->service->create(this->alice, this->request()));
    EXPECT_EQ(this->backend->count("shares"), 1);
}

TYPED_TEST(ShareContract, CreateWritesNothingWhenItFailsAtItsLastStatement) {
    this->backend->fail_inserts_into("audit");
    EXPECT_THROW(this->service->create(this->alice, this->request()), Error);
    this->expect_database_empty();
}

TYPED_TEST(ShareContract, EmailedLinkQueuesOneMessageWithTheSealedTokenOnly) {
    auto r = this->request();
    r.delivery = domain::Delivery::EmailedLink;
    auto created = this->service->create(this->alice, r);
    auto messages = this->store->outbox().for_share(created.share.id);
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_EQ(messages[0].kind, "share_link");
    EXPECT_EQ(messages[0].recipient_address, "erika@example.org");
    EXPECT_EQ(messages[0].status, domain::OutboxMessage::Status::Pending);
    EXPECT_NE(messages[0].payload_json.find(created.share.secrets.sealed_token), std::string::npos);
    EXPECT_EQ(messages[0].payload_json.find(this->token_of(created)), std::string::npos);
    // E-mailed links are valid 24 hours by default: a duration, not the end of a day.
    EXPECT_LE(created.share.expires_at - created.share.created_at, std::chrono::hours(24));
    EXPECT_GT(created.share.expires_at - created.share.created_at, std::chrono::hours(23));
}

TYPED_TEST(ShareContract, DirectLinkExpiresAfterTwentyDaysByDefault) {
    auto created = this->service->create(this->alice, this->request());
    // At the end of the day 20 days on, in the organisation's zone (Europe/Zurich by default).
    EXPECT_EQ(
        text::end_of_day(created.share.created_at + std::chrono::hours(24 * 20), "Europe/Zurich"),
        created.share.expires_at);
}

TYPED_TEST(ShareContract, InvalidEmailIsRejectedByFieldAndRule) {
    auto r = this->request();
    r.recipient.email = "erika@example.org\r\nBcc: all@example.org";
    this->expect_rejected(this->alice, r, "recipient.email", "email_format");
}

// A recipient's name shows in the panel, the e-mails' To and the case's journal: marks that draw
// nothing but reorder or hide what follows have no place in it.
TYPED_TEST(ShareContract, NameWithInvisibleOrReorderingMarksIsRejected) {
    for (const char* name : {"Eva \u202E"
                             "nretxE",
                             "Eva\u200BExtern", "Eva\nExtern", "Eva\u2066X"}) {
        auto r = this->request();
        r.recipient.name = name;
        this->expect_rejected(this->alice, r, "recipient.name", "name_format");
    }
    auto r = this->request();
    r.recipient.name = "Jürg Müller-Lüdenscheidt 山田";
    EXPECT_EQ("Jürg Müller-Lüdenscheidt 山田",
              *this->service->create(this->alice, r).share.recipient.name);
}

TYPED_TEST(ShareContract, InvalidPhoneIsRejectedByFieldAndRule) {
    auto r = this->request();
    r.recipient.phone = "079 123 45 67";  // not international
    this->expect_rejected(this->alice, r, "recipient.phone", "phone_format");
}

TYPED_TEST(ShareContract, PhoneIsStoredNormalisedAndCodesGoBySms) {
    auto r = this->request();
    r.recipient.phone = "+41 79-123 45 67";
    r.protection.mode = domain::Protection::Code;
    auto created = this->service->create(this->alice, r);
    EXPECT_EQ(created.share.recipient.phone, "+41791234567");
    EXPECT_EQ(created.share.code_channel, domain::CodeChannel::Sms);
    EXPECT_EQ(this->store->shares().find("org-a", created.share.id)->recipient.phone,
              "+41791234567");
}

TYPED_TEST(ShareContract, ExpiryInThePastIsRejected) {
    auto r = this->request();
    r.expires_at = domain::now_utc() - std::chrono::hours(1);
    this->expect_rejected(this->alice, r, "expires_at", "expiry_in_past");
}

TYPED_TEST(ShareContract, ExpiryBeyondTheMaximumIsRejected) {
    auto r = this->request();
    r.expires_at = domain::now_utc() + std::chrono::hours(24 * 91);
    this->expect_rejected(this->alice, r, "expires_at", "max_expiry");
}

TYPED_TEST(ShareContract, PasswordShorterThanThePolicyIsRejected) {
    auto r = this->request();
    r.protection = {domain::Protection::Password, "short"};
    this->expect_rejected(this->alice, r, "password", "password_min_length");
}

TYPED_TEST(ShareContract, PasswordLengthCountsCharactersNotBytes) {
    auto r = this->request();
    r.protection = {domain::Protection::Password, "äöüäöüä"};  // 7 characters, 14 bytes
    this->expect_rejected(this->alice, r, "password", "password_min_length");
    r.protection.password = "äöüäöüäö";  // 8 characters
    EXPECT_NO_THROW(this->service->create(this->alice, r));
}

TYPED_TEST(ShareContract, CaseTypeRequiringAPasswordRejectsAShareWithout) {
    this->expect_rejected(this->alice, this->request("case-strict"), "protection",
                          "password_required");
}

TYPED_TEST(ShareContract, UnknownItemIsRejected) {
    auto r = this->request();
    r.items = std::vector<domain::SelectedItem>{{Section::Attachments, "a1", true},
                                                {Section::Attachments, "no-such", true}};
    this->expect_rejected(this->alice, r, "items[1]", "unknown_item");
}

TYPED_TEST(ShareContract, CaseOfAnotherOrganisationIsRejectedAsUnknown) {
    this->expect_rejected(this->alice, this->request("case-b"), "case_id", "case_not_found");
}

TYPED_TEST(ShareContract, CaseTheUserMayNotAccessIsRejected) {
    this->expect_rejected(this->bob, this->request("case-2"), "case_id", "case_access_denied");
}

TYPED_TEST(ShareContract, CaseTypeWithTheModuleDisabledIsRejected) {
    this->expect_rejected(this->alice, this->request("case-sealed"), "case_id", "module_disabled");
}

TYPED_TEST(ShareContract, OrganisationOverrideInTheDatabaseDisablesACaseType) {
    this->store->organisation_settings().set_policy_override("org-a", "general", "enabled",
                                                             "false");
    this->expect_rejected(this->alice, this->request(), "case_id", "module_disabled");
    // Another organisation keeps the configured policy.
    EXPECT_NO_THROW(this->service->create(this->zoe, this->request("case-b")));
}

TYPED_TEST(ShareContract, StatusIsDerivedFromExpiryAndRevocation) {
    auto a = this->service->create(this->alice, this->request());
    auto b = this->service->create(this->alice, this->request());
    auto c = this->service->create(this->alice, this->request());
    this->backend->exec("UPDATE shares SET expires_at = expires_at - 1900000000 WHERE id = '" +
                        b.share.id + "'");
    this->service->revoke(this->alice, c.share.id);
    std::map<std::string, ShareStatus> status;
    for (const auto& o : this->service->list(this->alice, "case-1")) {
        status[o.share.id] = o.status;
    }
    EXPECT_EQ(status[a.share.id], ShareStatus::Active);
    EXPECT_EQ(status[b.share.id], ShareStatus::Expired);
    EXPECT_EQ(status[c.share.id], ShareStatus::Revoked);
}

TYPED_TEST(ShareContract, ExpiredShareIsNotFoundByTokenByTheDatabaseClock) {
    auto a = this->service->create(this->alice, this->request());
    this->backend->exec(
        "UPDATE shares SET expires_at = created_at + 1500 WHERE id "
        "= '" +
        a.share.id + "'");
    const auto hash = a.share.secrets.token_hash;
    EXPECT_TRUE(this->store->shares().find_live_by_token_hash(hash));
    std::this_thread::sleep_for(std::chrono::milliseconds(1600));
    EXPECT_FALSE(this->store->shares().find_live_by_token_hash(hash));
}

TYPED_TEST(ShareContract, RevokedShareIsGoneAtOnceAndAudited) {
    auto a = this->service->create(this->alice, this->request());
    this->service->revoke(this->bob, a.share.id);
    EXPECT_FALSE(this->store->shares().find_live_by_token_hash(a.share.secrets.token_hash));
    auto share = this->store->shares().find("org-a", a.share.id);
    ASSERT_TRUE(share && share->revocation);
    EXPECT_EQ(share->revocation->by, "bob");
    auto trail = this->store->audit().for_share("org-a", a.share.id, {});
    ASSERT_EQ(trail.size(), 2u);
    EXPECT_EQ(trail[0].action, "share.revoke");
    EXPECT_EQ(trail[0].actor, "bob");
    EXPECT_EQ(trail[1].action, "share.create");
    // A revoked share never changes again.
    EXPECT_THROW(this->service->change_expiry(this->alice, a.share.id,
                                              domain::now_utc() + std::chrono::hours(48)),
                 Error);
}

TYPED_TEST(ShareContract, OwnerOfAnotherOrganisationCannotTouchAShare) {
    auto a = this->service->create(this->alice, this->request());
    try {
        this->service->revoke(this->zoe, a.share.id);
        FAIL() << "revoked another organisation's share";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), Error::Kind::NotFound);
    }
    EXPECT_TRUE(this->store->shares().find_live_by_token_hash(a.share.secrets.token_hash));
}

TYPED_TEST(ShareContract, ExpiryCanBeExtendedAndShortenedWithinThePolicyOnly) {
    auto a = this->service->create(this->alice, this->request());
    const auto later = domain::now_utc() + std::chrono::hours(24 * 60);
    this->service->change_expiry(this->alice, a.share.id, later);
    EXPECT_EQ(this->store->shares().find("org-a", a.share.id)->expires_at, later);
    const auto sooner = domain::now_utc() + std::chrono::hours(2);
    this->service->change_expiry(this->alice, a.share.id, sooner);
    EXPECT_EQ(this->store->shares().find("org-a", a.share.id)->expires_at, sooner);
    try {
        this->service->change_expiry(this->alice, a.share.id,
                                     domain::now_utc() + std::chrono::hours(24 * 100));
        FAIL() << "accepted an expiry beyond the maximum";
    } catch (const ValidationFailed& e) {
        EXPECT_TRUE(e.has("expires_at", "max_expiry"));
    }
    EXPECT_EQ(this->store->shares().find("org-a", a.share.id)->expires_at, sooner);
}

TYPED_TEST(ShareContract, ProtectionChangeBumpsTheGenerationAndRemovalClearsThePassword) {
    auto a = this->service->create(this->alice, this->request());
    this->service->change_protection(this->alice, a.share.id,
                                     {domain::Protection::Password, "a new password!"});
    auto s = *this->store->shares().find("org-a", a.share.id);
    EXPECT_EQ(s.protection, domain::Protection::Password);
    EXPECT_EQ(s.secrets.password_generation, 1);
    EXPECT_TRUE(this->hasher.verify(*s.secrets.password_hash, "a new password!"));
    this->service->change_protection(this->alice, a.share.id, {domain::Protection::Code, {}});
    s = *this->store->shares().find("org-a", a.share.id);
    EXPECT_EQ(s.protection, domain::Protection::Code);
    EXPECT_EQ(s.code_channel, domain::CodeChannel::Email) << "the recipient has an e-mail only";
    EXPECT_EQ(s.secrets.password_generation, 2);
    EXPECT_FALSE(s.secrets.password_hash);
    EXPECT_FALSE(s.secrets.sealed_password);
    this->service->change_protection(this->alice, a.share.id, {domain::Protection::None, {}});
    s = *this->store->shares().find("org-a", a.share.id);
    EXPECT_EQ(s.protection, domain::Protection::None);
    EXPECT_EQ(s.code_channel, domain::CodeChannel::None);
    EXPECT_EQ(s.secrets.password_generation, 3);
}

// A password mode without a password must never make an unprotected link: every mode is
// checked, on creation and on change, with nothing written when refused.
TYPED_TEST(ShareContract, EveryProtectionModeIsValidatedOnCreation) {
    using domain::Protection;
    // `password` and `contact` nullptr: absent. The contact is an e-mail address.
    auto refused = [&](Protection mode, const char* password, const char* contact,
                       const std::string& field, const std::string& rule) {
        auto r = this->request();
        r.protection.mode = mode;
        r.protection.password =
            password != nullptr ? std::optional<std::string>(password) : std::nullopt;
        r.recipient.email = contact != nullptr ? std::optional<std::string>(contact) : std::nullopt;
        SCOPED_TRACE(field + "/" + rule);
        this->expect_rejected(this->alice, r, field, rule);
    };
    const char* email = "e@example.org";
    refused(Protection::Password, nullptr, email, "password", "password_missing");
    refused(Protection::Password, "", email, "password", "password_missing");
    refused(Protection::PasswordAndCode, nullptr, email, "password", "password_missing");
    refused(Protection::Password, "short", email, "password", "password_min_length");
    refused(Protection::Password, "twelve chars\n", email, "password", "password_encoding");
    refused(Protection::None, "correct horse battery", email, "password", "password_unused");
    refused(Protection::Code, "correct horse battery", email, "password", "password_unused");
    refused(Protection::Code, nullptr, nullptr, "recipient.phone", "code_contact_required");
    refused(Protection::PasswordAndCode, "correct horse battery", nullptr, "recipient.phone",
            "code_contact_required");
}

TYPED_TEST(ShareContract, EveryProtectionModeIsValidatedOnChangeAndNothingChangesWhenRefused) {
    auto r = this->request();
    r.recipient.email.reset();
    r.protection = {domain::Protection::Password, "correct horse battery"};
    auto a = this->service->create(this->alice, r);
    auto refused = [&](domain::Protection mode, const char* password, const std::string& field,
                       const std::string& rule) {
        const domain::ProtectionChoice choice{
            mode, password != nullptr ? std::optional<std::string>(password) : std::nullopt};
        try {
            this->service->change_protection(this->alice, a.share.id, choice);
            ADD_FAILURE() << "accepted " << field << "/" << rule;
        } catch (const ValidationFailed& e) {
            EXPECT_TRUE(e.has(field, rule)) << e.what();
        }
    };
    refused(domain::Protection::Password, nullptr, "password", "password_missing");
    refused(domain::Protection::Password, "", "password", "password_missing");
    refused(domain::Protection::Password, "short", "password", "password_min_length");
    refused(domain::Protection::None, "correct horse battery", "password", "password_unused");
    refused(domain::Protection::Code, nullptr, "recipient.phone", "code_contact_required");
    const auto s = *this->store->shares().find("org-a", a.share.id);
    EXPECT_EQ(s.protection, domain::Protection::Password);
    EXPECT_EQ(s.secrets.password_generation, 0);
    EXPECT_TRUE(this->hasher.verify(*s.secrets.password_hash, "correct horse battery"));
}

TYPED_TEST(ShareContract, CaseTypeRequiringAPasswordRefusesToLoseIt) {
    auto r = this->request("case-strict");
    r.protection = {domain::Protection::Password, "correct horse battery"};
    auto a = this->service->create(this->alice, r);
    EXPECT_THROW(
        this->service->change_protection(this->alice, a.share.id, {domain::Protection::None, {}}),
        ValidationFailed);
    EXPECT_EQ(this->store->shares().find("org-a", a.share.id)->protection,
              domain::Protection::Password);
}

TYPED_TEST(ShareContract, DownloadLimitIsSetChangedRemovedAndNeverBelowWhatWasUsed) {
    auto r = this->request();
    r.download_limit = 3;
    auto a = this->service->create(this->alice, r);
    EXPECT_EQ(this->store->shares().find("org-a", a.share.id)->download_limit, 3);
    ASSERT_TRUE(this->store->shares().consume_download(a.share.id));
    ASSERT_TRUE(this->store->shares().consume_download(a.share.id));
    this->service->change_download_limit(this->alice, a.share.id, 5);
    EXPECT_EQ(this->store->shares().find("org-a", a.share.id)->download_limit, 5);
    for (std::int64_t bad : {0, 1, 1001}) {
        try {
            this->service->change_download_limit(this->alice, a.share.id, bad);
            ADD_FAILURE() << bad;
        } catch (const ValidationFailed& e) {
            EXPECT_TRUE(e.has("download_limit",
                              bad == 1 ? "download_limit_below_used" : "download_limit_range"))
                << e.what();
        }
    }
    this->service->change_download_limit(this->alice, a.share.id, 2);
    EXPECT_FALSE(this->store->shares().consume_download(a.share.id)) << "2 of 2 used";
    this->service->change_download_limit(this->alice, a.share.id, std::nullopt);
    EXPECT_FALSE(this->store->shares().find("org-a", a.share.id)->download_limit);
    EXPECT_TRUE(this->store->shares().consume_download(a.share.id));
    auto bad = this->request();
    bad.download_limit = 0;
    try {
        this->service->create(this->alice, bad);
        ADD_FAILURE() << "a limit of 0 was accepted";
    } catch (const ValidationFailed& e) {
        EXPECT_TRUE(e.has("download_limit", "download_limit_range")) << e.what();
    }
    EXPECT_EQ(this->backend->count("shares"), 1);
}

TYPED_TEST(ShareContract, HiddenItemDisappearsAndShownItemReturns) {
    auto a = this->service->create(this->alice, this->request());
    domain::CaseItems items{{"f1", "f2"}, {"j1", "j2"}, {"a1", "a2"}};
    this->service->set_item_visible(this->alice, a.share.id, Section::Journal, "j1", false);
    auto sel = this->service->selection(this->alice, a.share.id);
    EXPECT_EQ(sel.visible_ids(Section::Journal, items), (std::vector<std::string>{"j2"}));
    EXPECT_TRUE(sel.lists(Section::Journal, "j1"));
    this->service->set_item_visible(this->alice, a.share.id, Section::Journal, "j1", true);
    sel = this->service->selection(this->alice, a.share.id);
    EXPECT_EQ(sel.visible_ids(Section::Journal, items), (std::vector<std::string>{"j1", "j2"}));
}

TYPED_TEST(ShareContract, ItemAddedToTheCaseLaterStaysInvisibleUntilTheOwnerShowsIt) {
    auto a = this->service->create(this->alice, this->request());
    this->cases.add_attachment("case-1", "a3");
    const auto items =
        this->cases.read_case(this->alice, "case-1", domain::CaseParts::all()).items();
    EXPECT_FALSE(this->service->selection(this->alice, a.share.id)
                     .is_visible(Section::Attachments, "a3", items));
    this->service->set_item_visible(this->alice, a.share.id, Section::Attachments, "a3", true);
    EXPECT_TRUE(this->service->selection(this->alice, a.share.id)
                    .is_visible(Section::Attachments, "a3", items));
}

TYPED_TEST(ShareContract, ShowingAnItemTheCaseDoesNotHoldIsRejected) {
    auto a = this->service->create(this->alice, this->request());
    try {
        this->service->set_item_visible(this->alice, a.share.id, Section::Attachments, "zz", true);
        FAIL();
    } catch (const ValidationFailed& e) {
        EXPECT_TRUE(e.has("item_id", "unknown_item"));
    }
    EXPECT_FALSE(this->store->shares().selection(a.share.id).lists(Section::Attachments, "zz"));
}

TYPED_TEST(ShareContract, ClosingOrDeletingACaseRevokesItsSharesOnly) {
    auto a = this->service->create(this->alice, this->request("case-1"));
    auto b = this->service->create(this->alice, this->request("case-1"));
    auto other = this->service->create(this->alice, this->request("case-2"));
    EXPECT_EQ(this->service->on_case_closed("org-a", "case-1"), 2);
    EXPECT_FALSE(this->store->shares().find_live_by_token_hash(a.share.secrets.token_hash));
    EXPECT_FALSE(this->store->shares().find_live_by_token_hash(b.share.secrets.token_hash));
    EXPECT_TRUE(this->store->shares().find_live_by_token_hash(other.share.secrets.token_hash));
    EXPECT_EQ(this->store->shares().find("org-a", a.share.id)->revocation->by,
              "system:case_closed");
    EXPECT_EQ(this->service->on_case_deleted("org-a", "case-2"), 1);
    EXPECT_FALSE(this->store->shares().find_live_by_token_hash(other.share.secrets.token_hash));
}

TYPED_TEST(ShareContract, DeletedAttachmentLeavesEveryShareOfTheCase) {
    auto a = this->service->create(this->alice, this->request());
    auto b = this->service->create(this->alice, this->request());
    this->cases.delete_attachment("case-1", "a1");
    EXPECT_EQ(this->service->on_attachment_deleted("org-a", "case-1", "a1"), 2);
    for (const auto& id : {a.share.id, b.share.id}) {
        auto sel = this->store->shares().selection(id);
        EXPECT_FALSE(sel.lists(Section::Attachments, "a1"));
        EXPECT_TRUE(sel.lists(Section::Attachments, "a2"));
    }
    EXPECT_EQ(this->store->audit().for_share("org-a", a.share.id, {})[0].action, "item.remove");
}

TYPED_TEST(ShareContract, RemovedUserKeepsTheirSharesFlagged) {
    auto a = this->service->create(this->alice, this->request());
    EXPECT_EQ(this->service->on_user_removed("org-a", "alice"), 1);
    auto listed = this->service->list(this->bob, "case-1");
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_TRUE(listed[0].share.creator_removed);
    EXPECT_EQ(listed[0].status, ShareStatus::Active);
}

TYPED_TEST(ShareContract, RevokingAnOrganisationLeavesOtherOrganisationsAlone) {
    this->service->create(this->alice, this->request("case-1"));
    this->service->create(this->alice, this->request("case-2"));
    auto b = this->service->create(this->zoe, this->request("case-b"));
    EXPECT_EQ(this->service->revoke_organisation(this->alice), 2);
    EXPECT_EQ(this->service->revoke_case(this->alice, "case-1"), 0);
    EXPECT_TRUE(this->store->shares().find_live_by_token_hash(b.share.secrets.token_hash));
}

TYPED_TEST(ShareContract, EveryChangeLeavesAnAuditEntryWithActorAndTime) {
    auto a = this->service->create(this->alice, this->request());
    this->service->change_expiry(this->alice, a.share.id,
                                 domain::now_utc() + std::chrono::hours(30));
    this->service->change_protection(this->bob, a.share.id,
                                     {domain::Protection::Password, "long enough secret"});
    this->service->set_item_visible(this->alice, a.share.id, Section::Details, "f1", false);
    this->service->revoke(this->alice, a.share.id);
    auto trail = this->store->audit().for_case("org-a", "case-1", {});
    std::vector<std::string> actions;
    for (const auto& e : trail) {
        actions.push_back(e.action + "/" + e.actor);
        EXPECT_GT(e.at, domain::now_utc() - std::chrono::minutes(5));
        EXPECT_EQ(e.details.find("long enough secret"), std::string::npos);
    }
    EXPECT_EQ(actions, (std::vector<std::string>{"share.revoke/alice", "item.hide/alice",
                                                 "share.protection/bob", "share.expiry/alice",
                                                 "share.create/alice"}));
}

TYPED_TEST(ShareContract, ColumnSummaryCountsLiveSharesPerCaseInOneCall) {
    auto a = this->service->create(this->alice, this->request("case-1"));
    auto b = this->service->create(this->alice, this->request("case-1"));
    auto c = this->service->create(this->alice, this->request("case-2"));
    this->service->revoke(this->alice, c.share.id);
    auto summary = this->service->column_summary(this->alice, {"case-2", "case-1", "case-none"});
    ASSERT_EQ(summary.size(), 3u);
    EXPECT_EQ(summary[0].case_id, "case-2");
    EXPECT_EQ(summary[0].active_count, 0);
    EXPECT_EQ(summary[1].active_count, 2);
    EXPECT_EQ(summary[1].next_expiry, std::min(a.share.expires_at, b.share.expires_at));
    EXPECT_EQ(summary[2].active_count, 0);
    EXPECT_FALSE(summary[2].next_expiry);
}

TYPED_TEST(ShareContract, MigrationsAreAppliedOnceAndReopeningChangesNothing) {
    const int version = this->store->schema_version();
    EXPECT_GE(version, 1);
    // Counted, not compared with the version: branches add migrations in parallel, so the
    // numbers may have gaps until they are merged.
    const auto applied = this->backend->count("schema_version");
    EXPECT_GE(applied, 1);
    this->service->create(this->alice, this->request());
    auto again = this->backend->open();
    EXPECT_EQ(again->schema_version(), version);
    EXPECT_EQ(this->backend->count("shares"), 1);
    EXPECT_EQ(this->backend->count("schema_version"), applied);
}

TYPED_TEST(ShareContract, MigrationCutOffBeforeItsVersionRowIsCompletedOnTheNextStart) {
    // MySQL commits DDL implicitly: a crash can come after a migration's statements and before its
    // schema_version row. Every migration after the first must survive running again then.
    const int version = this->store->schema_version();
    const auto applied = this->backend->count("schema_version");
    this->service->create(this->alice, this->request());
    this->backend->exec("DELETE FROM schema_version WHERE version > 1");
    auto again = this->backend->open();
    EXPECT_EQ(again->schema_version(), version);
    EXPECT_EQ(this->backend->count("schema_version"), applied);
    EXPECT_EQ(this->backend->count("shares"), 1);
}

}  // namespace
}  // namespace es::test
