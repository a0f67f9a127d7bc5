// A download's Content-Type is the host's only when the file's name agrees with it:
// disguised names (NUL, controls, bidi overrides, invisible characters, double extensions ending
// in another kind of file) go out as application/octet-stream, always as an attachment.
#include <algorithm>

#include "portal/http/served_media_type.hpp"
#include "portal_fixture.hpp"

namespace es::portal::test {
namespace {

using http::served_media_type;
using namespace std::string_literals;

const char* kBytes = "application/octet-stream";

TEST(MediaTypeTable, ReadsDebiansMimeTypes) {
    const auto& t = http::MediaTypeTable::debian();
    EXPECT_EQ(1u, t.types_of("pdf").count("application/pdf"));
    EXPECT_EQ(1u, t.types_of("PDF").count("application/pdf"));
    EXPECT_EQ(1u, t.types_of("exe").count("application/x-msdos-program"));
    EXPECT_EQ(1u, t.types_of("png").count("image/png"));
    EXPECT_FALSE(t.knows("no-such-extension"));
}

TEST(MediaTypeTable, ParsesLinesWithSeveralExtensionsAndTypesSharingOne) {
    const http::MediaTypeTable t("a/b x y\n# c/d x\n\nc/d\tx  z\r\n");
    EXPECT_EQ((std::set<std::string>{"a/b", "c/d"}), t.types_of("x"));
    EXPECT_EQ((std::set<std::string>{"a/b"}), t.types_of("Y"));
    EXPECT_EQ((std::set<std::string>{"c/d"}), t.types_of("z"));
}

TEST(ServedMediaType, AgreeingNameAndTypeKeepTheType) {
    EXPECT_EQ("application/pdf",
              served_media_type("Verfügung MH-2024-00002.pdf", "application/pdf"));
    EXPECT_EQ("image/png", served_media_type("Foto Situation.PNG", "image/png"));
    EXPECT_EQ("text/plain", served_media_type("hello.txt", "text/plain"));
    EXPECT_EQ("application/pdf", served_media_type("v1.2 final.pdf", "application/pdf"));
}

TEST(ServedMediaType, TwoExtensionsOfDifferentKindsAreBytesWhicheverComesLast) {
    // "x.pdf.exe" shows a document and is a program; the other way round it is merely odd, and
    // bytes are always safe.
    EXPECT_EQ(kBytes, served_media_type("x.pdf.exe", "application/x-msdos-program"));
    EXPECT_EQ(kBytes, served_media_type("scan.exe.pdf", "application/pdf"));
    EXPECT_EQ(kBytes, served_media_type("page.html.txt", "text/plain"));
}

TEST(ServedMediaType, DisagreementsAndDisguisesAreServedAsBytes) {
    for (const auto& [name, type] : std::vector<std::pair<std::string, std::string>>{
             {"x.pdf\0.exe"s, "application/pdf"},
             {"invoice\u202egpj.exe", "application/pdf"},
             {"invoice\u202efdp.exe", "application/x-msdos-program"},
             {"invoice.pdf.exe", "application/x-msdos-program"},
             {"invoice.pdf                    .exe", "application/pdf"},
             {"report\u200b.pdf", "application/pdf"},
             {"report.pdf\u2066", "application/pdf"},
             {"re\x01port.pdf", "application/pdf"},
             {"bad\xff.pdf", "application/pdf"},
             {"../etc/x.pdf", "application/pdf"},
             {".hidden.pdf", "application/pdf"},
             {"x.exe", "application/pdf"},
             {"x.pdf", "image/png"},
             {"README", "text/plain"},
             {"x.unknownext", "application/pdf"},
             {"x.pdf", "application/pdf\r\nX-Evil: 1"},
             {"invoice\u2024pdf", "application/pdf"},
         }) {
        EXPECT_EQ(kBytes, served_media_type(name, type)) << name << " as " << type;
    }
}

class MediaTypeTest : public PortalTest {
  protected:
    void SetUp() override {
        PortalTest::SetUp();
        share_ = create_share();
        put_case_files({
            {"h1", "x.pdf\0.exe"s, "%PDF-1", "application/pdf"},
            {"h2", "invoice\u202egpj.exe", "MZ-program", "application/pdf"},
            {"h3", "Rechnung.pdf", "%PDF-1", "application/pdf"},
        });
    }
    HttpResponse get(const std::string& id, const Headers& h = {}) {
        return http_request(port(), "GET", share_.path() + "/files/" + id, h);
    }
    CreatedShare share_;
};

TEST_F(MediaTypeTest, DisguisedExecutablesGoOutAsBytesHonestFilesAsWhatTheyAre) {
    for (const char* id : {"h1", "h2"}) {
        const auto r = get(id);
        ASSERT_EQ(200, r.status) << id;
        EXPECT_EQ(kBytes, r.header("Content-Type")) << id;
        EXPECT_EQ(0u, r.header("Content-Disposition").rfind("attachment;", 0)) << id;
        EXPECT_EQ("nosniff", r.header("X-Content-Type-Options")) << id;
    }
    // The parts of a multipart answer say the same.
    const auto parts = get("h2", {{"Range", "bytes=0-0,3-4"}});
    ASSERT_EQ(206, parts.status);
    EXPECT_NE(std::string::npos, parts.body.find("Content-Type: application/octet-stream\r\n"));
    EXPECT_EQ(std::string::npos, parts.body.find("application/pdf"));
    // An honest name keeps its type.
    const auto honest = get("h3");
    ASSERT_EQ(200, honest.status);
    EXPECT_EQ("application/pdf", honest.header("Content-Type"));
    EXPECT_EQ("attachment; filename=\"Rechnung.pdf\"; filename*=UTF-8''Rechnung.pdf",
              honest.header("Content-Disposition"));
}

}  // namespace
}  // namespace es::portal::test
