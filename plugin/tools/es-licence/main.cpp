// es-licence: the vendor's licence tool for External Sharing. See docs/vendor-tool.md.
#include <Poco/Exception.h>

#include <exception>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.hpp"

namespace {

constexpr const char* kUsage = R"(usage:
  es-licence keygen --out PREFIX [--if-missing]
      writes PREFIX.pem (private, mode 0600) and PREFIX.pub.pem (EC P-256, PEM)
  es-licence sign --key PREFIX.pem --kid KEY_ID --org ORGANISATION --plan module|pro|pro_plus
                  --seats N --from DATE --until DATE [--id LICENCE_ID]
      prints a licence key; DATE is YYYY-MM-DD (midnight UTC) or YYYY-MM-DDTHH:MM:SSZ
  es-licence inspect LICENCE|- [--pub PREFIX.pub.pem]
      prints header and claims; with --pub, whether the signature verifies (exit 1 if not)
)";

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::cout << kUsage;
        return args.empty() ? 2 : 0;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    try {
        if (command == "keygen") {
            return es::tools::keygen_command(args);
        }
        if (command == "sign") {
            return es::tools::sign_command(args);
        }
        if (command == "inspect") {
            return es::tools::inspect_command(args);
        }
        throw std::invalid_argument("unknown command '" + command + "'");
    } catch (const std::invalid_argument& e) {
        std::cerr << "es-licence: " << e.what() << "\n" << kUsage;
        return 2;
    } catch (const Poco::Exception& e) {
        std::cerr << "es-licence: " << e.displayText() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "es-licence: " << e.what() << "\n";
        return 1;
    }
}
