#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "commands.hpp"
#include "licence/licence_signer.hpp"
#include "options.hpp"

namespace es::tools {

namespace {

void write_file(const std::string& path, const std::string& content, mode_t mode) {
    // Created with its final mode, so the private key is never readable by others, even briefly.
    const mode_t old = umask(0777 & ~mode);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    umask(old);
    if (!out || !(out << content) || !out.flush()) {
        throw std::runtime_error("cannot write " + path);
    }
    std::filesystem::permissions(path, static_cast<std::filesystem::perms>(mode),
                                 std::filesystem::perm_options::replace);
}

}  // namespace

int keygen_command(const std::vector<std::string>& args) {
    const Options options(args, {"out"}, {"if-missing"});
    const std::string prefix = options.required("out");
    const std::string private_path = prefix + ".pem";
    const std::string public_path = prefix + ".pub.pem";
    const bool exists =
        std::filesystem::exists(private_path) || std::filesystem::exists(public_path);
    if (exists && options.flag("if-missing")) {
        std::cout << "kept the existing key pair " << private_path << ", " << public_path << "\n";
        return 0;
    }
    if (exists) {
        throw std::runtime_error(private_path + " or " + public_path +
                                 " exists already; refusing to overwrite a vendor key");
    }
    const licence::VendorKeyPair pair = licence::generate_vendor_key_pair();
    write_file(private_path, pair.private_pem, 0600);
    write_file(public_path, pair.public_pem, 0644);
    std::cout << "wrote " << private_path << " (private, keep it secret) and " << public_path
              << " (public, goes into licensing.vendor_keys)\n";
    return 0;
}

}  // namespace es::tools
