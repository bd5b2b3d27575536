#pragma once
// Whole input files (calibration records, CSV points, scenario files) read with a size
// limit, so a wrong file, a device such as /dev/zero or a runaway pipe is refused with a
// message instead of exhausting memory.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace algoinput {

/// One mebibyte, for stating limits.
inline constexpr std::size_t kMiB = std::size_t{1} << 20;

/// The bytes of a file, or why they could not be had.
struct InputFileRead {
    std::string bytes;
    std::string error; ///< "points.csv: larger than 8 MiB, too large for a ..."; empty when ok
    bool ok() const { return error.empty(); }
};

/// Reads `path` whole, refusing a folder, a file it cannot open and anything larger than
/// `max_bytes`. `what` names the kind of file in messages ("calibration record").
InputFileRead read_input_file(const std::filesystem::path& path, std::size_t max_bytes,
                              std::string_view what);

} // namespace algoinput
