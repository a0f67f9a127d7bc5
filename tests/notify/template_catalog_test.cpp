// Templates: built-in ones in German and English, organisation overrides, and the start-time
// refusal of a template that would send a literal "{{placeholder}}".
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "config/config_error.hpp"
#include "notify/template_catalog.hpp"
#include "temp_directory.hpp"

using es::config::ConfigError;
using es::domain::Language;
using es::notify::MessageKind;
using es::notify::MessageTemplate;
using es::notify::TemplateCatalog;
using es::notify::TemplateValues;

namespace {

std::string identity(std::string_view s) {
    return std::string(s);
}

void write(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

ConfigError load_error(const std::string& directory) {
    try {
        TemplateCatalog::load(directory);
    } catch (const ConfigError& e) {
        return e;
    }
    ADD_FAILURE() << "no error for " << directory;
    return ConfigError("", "", 0, "");
}

}  // namespace

TEST(TemplateCatalog, BuiltInTemplatesExistForEveryKindInGermanAndEnglish) {
    const TemplateCatalog catalog = TemplateCatalog::load("");
    TemplateValues values{{"link", "https://x/s/abc"}, {"expires", "soon"}};
    const std::string de =
        catalog.mail("org", MessageKind::ShareLink, Language::De).text.render(values, identity);
    const std::string en =
        catalog.mail("org", MessageKind::ShareLink, Language::En).text.render(values, identity);
    EXPECT_NE(de.find("gültig bis soon"), std::string::npos) << de;
    EXPECT_NE(en.find("valid until soon"), std::string::npos) << en;
    EXPECT_NE(de.find("https://x/s/abc"), std::string::npos);
    const std::string sms = catalog.sms("org", MessageKind::AccessCode, Language::En)
                                .render({{"code", "123456"}, {"valid_minutes", "10"}}, identity);
    EXPECT_EQ(sms, "Your code: 123456. Valid 10 minutes.");
}

TEST(TemplateCatalog, NoTemplateMayUseThePassword) {
    for (MessageKind kind :
         {MessageKind::ShareLink, MessageKind::AccessCode, MessageKind::OwnerFirstOpened,
          MessageKind::OwnerFailedAttempts, MessageKind::OwnerDeliveryFailed,
          MessageKind::OwnerExpiryReminder, MessageKind::OwnerCodeLimit}) {
        EXPECT_FALSE(TemplateCatalog::placeholders(kind).contains("password"));
    }
}

TEST(TemplateCatalog, UnknownPlaceholderIsRejectedWithFileTemplateAndLine) {
    TempDirectory dir;
    const auto file = dir.path() / "org-7" / "share_link.en.txt";
    write(file,
          "Subject: Documents from {{organisation}}\n\nHello {{recipient_name}},\n\n"
          "your link: {{link}}\nPassword: {{password}}\n");
    const ConfigError e = load_error(dir.path().string());
    EXPECT_EQ(e.key(), "share_link.en.txt");
    EXPECT_EQ(e.line(), 6);
    EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("{{password}}"), std::string::npos) << e.what();
}

TEST(TemplateCatalog, PlaceholderOfAnotherKindIsRejected) {
    TempDirectory dir;
    write(dir.path() / "org-7" / "one_time_code.de.sms.txt", "Code {{code}} für {{link}}\n");
    const ConfigError e = load_error(dir.path().string());
    EXPECT_EQ(e.key(), "one_time_code.de.sms.txt");
    EXPECT_EQ(e.line(), 1);
}

TEST(TemplateCatalog, UnknownPlaceholderInSubjectReportsLineOne) {
    TempDirectory dir;
    write(dir.path() / "org-7" / "expiry_reminder.de.txt",
          "Subject: Ablauf {{expiry}}\n\nText {{expires}}\n");
    const ConfigError e = load_error(dir.path().string());
    EXPECT_EQ(e.key(), "expiry_reminder.de.txt");
    EXPECT_EQ(e.line(), 1);
}

TEST(TemplateCatalog, UnknownFileNameIsRejected) {
    TempDirectory dir;
    write(dir.path() / "org-7" / "share-link.de.txt", "Subject: x\n\nbody\n");
    EXPECT_EQ(load_error(dir.path().string()).key(), "share-link.de.txt");
}

TEST(TemplateCatalog, MissingSubjectLineIsRejected) {
    TempDirectory dir;
    write(dir.path() / "org-7" / "share_link.de.txt", "Hallo {{recipient_name}}\n");
    const ConfigError e = load_error(dir.path().string());
    EXPECT_EQ(e.line(), 1);
}

TEST(TemplateCatalog, OrganisationOverrideAppliesOnlyToThatOrganisation) {
    TempDirectory dir;
    write(dir.path() / "org-7" / "share_link.de.txt",
          "Subject: Akten von {{organisation}}\r\n\r\nHier: {{link}}\r\n");
    const TemplateCatalog catalog = TemplateCatalog::load(dir.path().string());
    const auto& own = catalog.mail("org-7", MessageKind::ShareLink, Language::De);
    EXPECT_EQ(own.subject.render({{"organisation", "Amt"}}, identity), "Akten von Amt");
    EXPECT_EQ(own.text.render({{"link", "L"}}, identity), "Hier: L\n");
    // The text was overridden, so its HTML is made from it rather than the built-in HTML.
    EXPECT_FALSE(own.html.has_value());
    const auto& other = catalog.mail("org-8", MessageKind::ShareLink, Language::De);
    EXPECT_TRUE(other.html.has_value());
    EXPECT_NE(other.subject.render({{"organisation", "Amt"}}, identity), "Akten von Amt");
}

TEST(TemplateCatalog, HtmlOnlyOverrideKeepsBuiltInText) {
    TempDirectory dir;
    write(dir.path() / "org-7" / "share_link.en.html", "<p><a href=\"{{link}}\">open</a></p>\n");
    const TemplateCatalog catalog = TemplateCatalog::load(dir.path().string());
    const auto& t = catalog.mail("org-7", MessageKind::ShareLink, Language::En);
    ASSERT_TRUE(t.html.has_value());
    EXPECT_EQ(t.html->render({{"link", "L"}}, identity), "<p><a href=\"L\">open</a></p>\n");
    EXPECT_NE(t.text.render({{"link", "L"}}, identity).find("shared documents"), std::string::npos);
}

TEST(MessageTemplate, MalformedPlaceholderIsRejected) {
    EXPECT_THROW(MessageTemplate::parse("a {{ Link }} b", {"link"}, "f", "t"), ConfigError);
    EXPECT_THROW(MessageTemplate::parse("a {{link b\n}}", {"link"}, "f", "t"), ConfigError);
    EXPECT_EQ(MessageTemplate::parse("a {{ link }} b", {"link"}, "f", "t")
                  .render({{"link", "X"}}, identity),
              "a X b");
}
