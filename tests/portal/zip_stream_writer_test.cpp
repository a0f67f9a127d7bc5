#include "portal/zip/zip_stream_writer.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "portal/zip/unique_names.hpp"
#include "zip_test_support.hpp"

namespace es::portal::zip {
namespace {

class StringSink : public ByteSink {
  public:
    void write(const char* d, std::size_t n) override { data.append(d, n); }
    std::string data;
};

using test::shell;

std::string save(const std::string& bytes) {
    char tmpl[] = "/tmp/es-zip-XXXXXX";
    const int fd = ::mkstemp(tmpl);
    ::close(fd);
    std::ofstream(tmpl, std::ios::binary) << bytes;
    return tmpl;
}

TEST(ZipStreamWriter, ArchivePassesUnzipTestWithUtf8Names) {
    StringSink sink;
    ZipStreamWriter w(sink);
    const std::string a = "hello world\n";
    w.begin_entry("Grüße.txt", a.size(), 1767323045);
    w.write(a.data(), a.size());
    w.end_entry();
    w.begin_entry("empty", 0, 1767323045);
    w.end_entry();
    w.finish();
    EXPECT_EQ(sink.data.size(), w.bytes_written());
    EXPECT_EQ(w.bytes_written(),
              ZipStreamWriter::predicted_size({{"Grüße.txt", a.size()}, {"empty", 0}}));
    const auto path = save(sink.data);
    const auto test = shell("unzip -t " + path + " 2>&1");
    EXPECT_NE(std::string::npos, test.find("No errors detected")) << test;
    EXPECT_EQ(a, shell("unzip -p " + path + " 'Gr*'"));
    EXPECT_NE(std::string::npos, shell("unzip -Z1 " + path).find("Grüße.txt"));
    std::remove(path.c_str());
}

TEST(ZipStreamWriter, WrongEntrySizeIsRefused) {
    StringSink sink;
    ZipStreamWriter w(sink);
    w.begin_entry("a", 5, 0);
    w.write("abc", 3);
    EXPECT_THROW(w.end_entry(), std::runtime_error);
}

TEST(ZipStreamWriter, MoreThan65535EntriesUseZip64EndRecords) {
    StringSink sink;
    ZipStreamWriter w(sink);
    for (int i = 0; i < 70000; ++i) {
        const std::string name = "f" + std::to_string(i);
        w.begin_entry(name, 1, 0);
        w.write("x", 1);
        w.end_entry();
    }
    w.finish();
    const auto path = save(sink.data);
    const auto test = shell("unzip -tq " + path + " 2>&1");
    EXPECT_NE(std::string::npos, test.find("No errors detected")) << test.substr(0, 400);
    std::remove(path.c_str());
}

// Claims each name in turn from one UniqueNames: {name given, name given out}.
void expect_claims(const std::vector<std::pair<std::string, std::string>>& claims) {
    UniqueNames names;
    for (const auto& [given, out] : claims) {
        EXPECT_EQ(out, names.claim(given)) << given;
    }
}

TEST(UniqueNames, DuplicatesGetNumbersCaseInsensitively) {
    expect_claims({{"a.pdf", "a.pdf"},
                   {"A.pdf", "A (2).pdf"},
                   {"a.pdf", "a (3).pdf"},
                   {"noext", "noext"},
                   {"noext", "noext (2)"}});
}

// What NTFS (case) and APFS or HFS+ (case and normalisation) would unpack onto one file: an
// upload named like the summary must not overwrite it. Names are given out in NFC.
TEST(UniqueNames, NamesOneFileSystemWouldMergeGetNumbersToo) {
    expect_claims({{"Fall MH-1 – Übersicht.html", "Fall MH-1 – Übersicht.html"},
                   {"fall mh-1 – übersicht.html", "fall mh-1 – übersicht (2).html"},
                   {"Fall MH-1 – U\u0308bersicht.html", "Fall MH-1 – Übersicht (3).html"},
                   {"A\u0308rger.pdf", "Ärger.pdf"},
                   {"ärger.pdf", "ärger (2).pdf"},
                   {"ÄRGER.PDF", "ÄRGER (3).PDF"},
                   {"Strasse.txt", "Strasse.txt"},
                   {"Straße.txt", "Straße (2).txt"},  // full case folding: ß is ss
                   {"Arger.pdf", "Arger.pdf"}});      // a different name stays as it is
}

}  // namespace
}  // namespace es::portal::zip
