// The symbols a shared library defines in its dynamic symbol table, read straight from the ELF file
// so that the checker needs no binutils and never runs the library's code to find out.
#pragma once

#include <string>
#include <vector>

namespace dm_check {

struct ExportedSymbol {
    std::string name;
    bool is_function = false;  // STT_FUNC or STT_GNU_IFUNC; otherwise data (object, TLS, common)
};

// Defined global and weak symbols of the dynamic symbol table. Returns false with a reason when the
// file is not a 64-bit ELF shared object this checker can read.
bool read_exported_symbols(const std::string& path, std::vector<ExportedSymbol>& out,
                           std::string& error);

}  // namespace dm_check
