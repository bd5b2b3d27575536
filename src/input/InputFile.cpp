#include "algoinput/InputFile.h"

#include <fstream>

#include "algoinput/QuotedInput.h"

namespace algoinput {
namespace {

constexpr std::size_t kReadChunkBytes = 64 * 1024;

std::string size_text(std::size_t bytes) {
    if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
    return std::to_string(bytes) + " bytes";
}

} // namespace

InputFileRead read_input_file(const std::filesystem::path& path, std::size_t max_bytes,
                              std::string_view what) {
    InputFileRead result;
    const std::string shown = escape_input(path.string());
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        result.error = shown + ": is a folder, not a " + std::string(what);
        return result;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        result.error = shown + ": cannot open the " + std::string(what);
        return result;
    }
    // Read in chunks and stop one byte past the limit: the size a file claims (or a
    // device's, which is 0) is not trusted.
    char chunk[kReadChunkBytes];
    while (in) {
        in.read(chunk, static_cast<std::streamsize>(sizeof chunk));
        result.bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
        if (result.bytes.size() > max_bytes) {
            result.bytes.clear();
            result.error = shown + ": larger than " + size_text(max_bytes) + ", too large for a " +
                           std::string(what) + " (is it the right file?)";
            return result;
        }
    }
    if (in.bad()) {
        result.bytes.clear();
        result.error = shown + ": read error in the " + std::string(what);
    }
    return result;
}

} // namespace algoinput
