#include "elf_exports.hpp"

#include <elf.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <utility>

namespace dm_check {

namespace {

template <typename T>
bool read_at(const std::string& file, std::size_t offset, T& out) {
    if (offset > file.size() || file.size() - offset < sizeof(T)) {
        return false;
    }
    std::memcpy(&out, file.data() + offset, sizeof(T));
    return true;
}

}  // namespace

bool read_exported_symbols(const std::string& path, std::vector<ExportedSymbol>& out,
                           std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open " + path;
        return false;
    }
    const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

    Elf64_Ehdr header{};
    if (!read_at(file, 0, header) || std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0) {
        error = "not an ELF file";
        return false;
    }
    if (header.e_ident[EI_CLASS] != ELFCLASS64 || header.e_ident[EI_DATA] != ELFDATA2LSB) {
        error = "not a little-endian 64-bit ELF file";
        return false;
    }
    if (header.e_type != ET_DYN) {
        error = "not a shared object";
        return false;
    }

    for (unsigned i = 0; i < header.e_shnum; ++i) {
        Elf64_Shdr section{};
        if (!read_at(file, header.e_shoff + std::size_t{i} * header.e_shentsize, section)) {
            error = "truncated section table";
            return false;
        }
        if (section.sh_type != SHT_DYNSYM) {
            continue;
        }
        Elf64_Shdr strings{};
        if (!read_at(file, header.e_shoff + std::size_t{section.sh_link} * header.e_shentsize,
                     strings)) {
            error = "truncated section table";
            return false;
        }
        const std::size_t count =
            section.sh_entsize == 0 ? 0 : section.sh_size / section.sh_entsize;
        for (std::size_t k = 1; k < count; ++k) {  // entry 0 is the reserved null symbol
            Elf64_Sym sym{};
            if (!read_at(file, section.sh_offset + k * section.sh_entsize, sym)) {
                error = "truncated dynamic symbol table";
                return false;
            }
            const unsigned bind = ELF64_ST_BIND(sym.st_info);
            const unsigned type = ELF64_ST_TYPE(sym.st_info);
            if (sym.st_shndx == SHN_UNDEF ||
                (bind != STB_GLOBAL && bind != STB_WEAK && bind != STB_GNU_UNIQUE)) {
                continue;
            }
            const std::size_t name_at = strings.sh_offset + sym.st_name;
            if (name_at >= file.size()) {
                error = "symbol name outside the file";
                return false;
            }
            ExportedSymbol s;
            s.name = std::string(file.c_str() + name_at);
            s.is_function = type == STT_FUNC || type == STT_GNU_IFUNC;
            out.push_back(std::move(s));
        }
        return true;
    }
    return true;  // no dynamic symbol table: nothing exported at all
}

}  // namespace dm_check
