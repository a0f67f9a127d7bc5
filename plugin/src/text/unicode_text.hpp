// Text from elsewhere (a file name from the host, a name a caseworker typed) as people see it and
// as file systems compare it, with ICU's character properties and normalisation forms.
//
// Thread safety: any thread. Invalid UTF-8 comes out with U+FFFD in place of the bad bytes.
#pragma once

#include <string>
#include <string_view>

namespace es::text {

// `text` without the characters that draw nothing but change how the rest reads: bidirectional
// controls (U+202E makes "Rechnung\u202Egpj.exe" show as "Rechnungexe.jpg"), zero-width and
// other format characters (Cf), control characters (Cc) and line or paragraph separators.
std::string without_hidden_marks(std::string_view text);

// True when `text` holds any of the characters without_hidden_marks removes, a tab and a
// line break included.
bool has_hidden_marks(std::string_view text);

// Unicode normalisation form C: "u" + U+0308 becomes "ü", as macOS and most keyboards write it.
std::string nfc(std::string_view text);

// The form under which two file names are the same file for a file system that ignores case and
// normalisation (NTFS, APFS, HFS+): NFKC with full case folding ("Ärger.pdf", "ärger.pdf" and
// "A\u0308rger.PDF" all meet). For comparing only, never for showing.
std::string same_file_key(std::string_view text);

}  // namespace es::text
