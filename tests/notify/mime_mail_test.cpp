// The e-mail as bytes: header encoding, no header injection, quoted-printable bodies.
#include <gtest/gtest.h>

#include <sstream>

#include "notify/header_encoding.hpp"
#include "notify/invalid_address.hpp"
#include "notify/mime_mail.hpp"
#include "notify/quoted_printable.hpp"

using namespace es::notify;

namespace {

MimeMail sample() {
    MimeMail m;
    m.from_name = "Sozialamt";
    m.from_address = "no-reply@amt.example";
    m.to_name = "Anna Muster";
    m.to_address = "anna@example.org";
    m.subject = "Unterlagen";
    m.message_id = "<es.1.2@amt.example>";
    m.date = es::domain::from_epoch_ms(1700000000000);
    m.text = "Hallo";
    m.html = "<p>Hallo</p>";
    return m;
}

// The header block (up to the first empty line), unfolded into one string per header.
std::vector<std::string> headers_of(const std::string& message) {
    std::vector<std::string> out;
    std::istringstream in(message.substr(0, message.find("\r\n\r\n") + 2));
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (!line.empty() && line[0] == ' ' && !out.empty()) {
            out.back() += line;
        } else if (!line.empty()) {
            out.push_back(line);
        }
    }
    return out;
}

}  // namespace

TEST(HeaderEncoding, AsciiSubjectStaysReadable) {
    EXPECT_EQ(encode_header_text("Documents for you"), "Documents for you");
}

TEST(HeaderEncoding, NonAsciiSubjectBecomesEncodedWords) {
    EXPECT_EQ(encode_header_text("Grüsse"), "=?UTF-8?B?R3LDvHNzZQ==?=");
}

TEST(HeaderEncoding, LongNonAsciiTextIsFoldedWithoutSplittingCharacters) {
    std::string text;
    for (int i = 0; i < 40; ++i) {
        text += "ä€";
    }
    const std::string encoded = encode_header_text(text);
    std::size_t start = 0;
    while (start < encoded.size()) {
        std::size_t end = encoded.find("\r\n ", start);
        const std::string word = encoded.substr(start, end - start);
        EXPECT_LE(word.size(), 75u) << word;
        EXPECT_EQ(word.rfind("=?UTF-8?B?", 0), 0u);
        start = end == std::string::npos ? encoded.size() : end + 3;
    }
}

TEST(HeaderEncoding, LineBreaksInSubjectCannotStartANewHeader) {
    const std::string encoded = encode_header_text("Hi\r\nBcc: victim@example.org");
    EXPECT_EQ(encoded.find('\r'), std::string::npos);
    EXPECT_EQ(encoded.find('\n'), std::string::npos);
}

TEST(HeaderEncoding, EncodedWordLookalikeIsEncoded) {
    EXPECT_EQ(encode_header_text("=?UTF-8?B?QmNj?=").rfind("=?UTF-8?B?", 0), 0u);
    EXPECT_NE(encode_header_text("=?UTF-8?B?QmNj?="), "=?UTF-8?B?QmNj?=");
}

TEST(HeaderEncoding, MailboxQuotesSpecialCharactersInNames) {
    EXPECT_EQ(format_mailbox("Muster, \"Anna\"", "anna@example.org"),
              "\"Muster, \\\"Anna\\\"\" <anna@example.org>");
    EXPECT_EQ(format_mailbox("", "anna@example.org"), "anna@example.org");
    EXPECT_EQ(format_mailbox("Jürg", "j@example.org"), "=?UTF-8?B?SsO8cmc=?= <j@example.org>");
}

TEST(HeaderEncoding, MalformedOrInjectingAddressesAreRefused) {
    for (const char* bad :
         {"anna", "anna@", "@example.org", "anna@example", "anna@example.org\r\nBcc: x@y.org",
          "anna@example.org, eve@evil.org", "<anna@example.org>", "an na@example.org",
          "anna@exa_mple.org", "\"anna\"@example.org"}) {
        EXPECT_THROW(format_mailbox("A", bad), InvalidAddress) << bad;
    }
}

TEST(MimeMail, NameWithLineBreakDoesNotAddAHeader) {
    MimeMail m = sample();
    m.to_name = "Anna\r\nBcc: eve@evil.org";
    m.from_name = "Amt\nX-Injected: yes";
    m.subject = "Hallo\r\n\r\nbody injection";
    const std::string data = m.serialize();
    for (const std::string& h : headers_of(data)) {
        EXPECT_NE(h.rfind("Bcc:", 0), 0u) << h;
        EXPECT_NE(h.rfind("X-Injected:", 0), 0u) << h;
        EXPECT_NE(h.rfind("body injection", 0), 0u) << h;
    }
    EXPECT_EQ(headers_of(data).size(), 8u);
}

TEST(MimeMail, HasTheHeadersOfAMultipartAlternativeMessage) {
    const auto headers = headers_of(sample().serialize());
    const std::vector<std::string> expected = {"From: \"Sozialamt\" <no-reply@amt.example>",
                                               "To: \"Anna Muster\" <anna@example.org>",
                                               "Subject: Unterlagen",
                                               "Date: Tue, 14 Nov 2023 22:13:20 +0000",
                                               "Message-ID: <es.1.2@amt.example>",
                                               "MIME-Version: 1.0",
                                               "Auto-Submitted: auto-generated"};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(headers.at(i), expected[i]);
    }
    EXPECT_EQ(headers.at(7).rfind("Content-Type: multipart/alternative; boundary=\"=_es_", 0), 0u);
}

TEST(MimeMail, MalformedMessageIdIsRefused) {
    MimeMail m = sample();
    m.message_id = "<a@b>\r\nBcc: x@y.org";
    EXPECT_THROW(m.serialize(), InvalidAddress);
}

TEST(QuotedPrintable, EncodesUtf8AndKeepsLinesShort) {
    const std::string encoded = encode_quoted_printable("Grüsse = 100%\n" + std::string(200, 'x') +
                                                        "\n.leading dot\ntrailing space ");
    std::istringstream in(encoded);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        EXPECT_LE(line.size(), 76u) << line;
        for (char c : line) {
            EXPECT_LT(static_cast<unsigned char>(c), 0x80) << line;
        }
    }
    EXPECT_EQ(encoded.rfind("Gr=C3=BCsse =3D 100%\r\n", 0), 0u) << encoded;
    EXPECT_NE(encoded.find("\r\n=2Eleading dot\r\n"), std::string::npos) << encoded;
    EXPECT_NE(encoded.find("trailing space=20"), std::string::npos) << encoded;
}
