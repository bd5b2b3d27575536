#include "algocore/history/ReportHeaderFile.h"
#include "algoinput/JsonText.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace algocore::history {

namespace fs = std::filesystem;

namespace {
constexpr const char* kFileName = "report-header.json";
// A header is two names; anything much bigger is not ours.
constexpr std::uintmax_t kMaxFileBytes = 64 * 1024;

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string();
}
} // namespace

std::string default_report_header_path() {
    fs::path folder;
    if (const std::string own = env("ALGOSCOPE_CONFIG_DIR"); !own.empty())
        folder = own;
    else if (const std::string xdg = env("XDG_CONFIG_HOME"); !xdg.empty())
        folder = fs::path(xdg) / "algoscope";
    else if (const std::string appdata = env("APPDATA"); !appdata.empty())
        folder = fs::path(appdata) / "algoscope";
    else if (const std::string home = env("HOME"); !home.empty())
        folder = fs::path(home) / ".config" / "algoscope";
    else
        return {};
    return (folder / kFileName).string();
}

ReportHeaderRead read_report_header(const std::string& path) {
    ReportHeaderRead out;
    std::error_code ec;
    if (path.empty() || !fs::exists(path, ec)) return out;
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec || size > kMaxFileBytes) {
        out.error = path + " is not a report header (" +
                    (ec ? ec.message() : std::to_string(size) + " bytes") + ")";
        return out;
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) {
        out.error = "cannot read " + path;
        return out;
    }
    try {
        const auto j = nlohmann::json::parse(text.str());
        if (!j.is_object()) throw std::runtime_error("not a JSON object");
        for (const char* key : {"clinic", "therapist"})
            if (j.contains(key) && !j[key].is_string())
                throw std::runtime_error(std::string("\"") + key + "\" is not text");
        out.header.clinic = j.value("clinic", std::string());
        out.header.therapist = j.value("therapist", std::string());
    } catch (const std::exception& e) {
        out.header = {};
        out.error = path + " is not a valid report header: " + e.what();
    }
    return out;
}

std::string write_report_header(const std::string& path, const ReportHeader& header) {
    if (path.empty()) return "no folder for the report header (set ALGOSCOPE_CONFIG_DIR)";
    std::error_code ec;
    const fs::path target(path);
    if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
    if (ec) return "cannot create " + target.parent_path().string() + ": " + ec.message();
    const nlohmann::json j{{"clinic", header.clinic}, {"therapist", header.therapist}};
    const fs::path temporary = target.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << algoinput::json_text(j, 2) << '\n';
        out.flush();
        if (!out) {
            fs::remove(temporary, ec);
            return "cannot write " + temporary.string();
        }
    }
    fs::rename(temporary, target, ec);
    if (ec) {
        fs::remove(temporary, ec);
        return "cannot replace " + path + ": " + ec.message();
    }
    return {};
}

} // namespace algocore::history
