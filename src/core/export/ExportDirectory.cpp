// Writes a CSV export as a folder: researchers get one file per table and one per trace.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "algocore/export/StudyExport.h"

namespace algocore::exporting {

namespace {
bool write_file(const std::filesystem::path& path, const std::function<void(std::ostream&)>& body,
                unsigned file_mode, std::string& error) {
    if (std::string failure = create_file_with_mode(path.string(), file_mode); !failure.empty()) {
        error = std::move(failure);
        return false;
    }
    std::ofstream out(path, std::ios::binary);
    if (!out) {
        error = "cannot create " + path.string();
        return false;
    }
    body(out);
    out.flush();
    if (!out) {
        error = "cannot write " + path.string() + " (disk full?)";
        return false;
    }
    return true;
}

// Trace files carry their ids at one width (at least 6 digits), so a plain sort of the
// folder lists them in id order: trial_000009.csv before trial_000010.csv.
std::function<std::string(records::RecordId)> padded_ids(const records::StudyData& data) {
    records::RecordId largest = 0;
    for (const auto& t : data.trials)
        largest = std::max(largest, t.id);
    for (const auto& h : data.holds)
        largest = std::max(largest, h.id);
    const std::size_t width = std::max<std::size_t>(6, std::to_string(largest).size());
    return [width](records::RecordId id) {
        const std::string digits = std::to_string(id);
        return std::string(width - std::min(width, digits.size()), '0') + digits;
    };
}
} // namespace

ExportResult export_csv_directory(const records::StudyData& data,
                                  const std::vector<records::SiteSummary>& summaries,
                                  const std::string& directory, const TraceLoader& trial_traces,
                                  const TraceLoader& hold_traces, unsigned file_mode) {
    ExportResult result;
    const std::filesystem::path root(directory);
    // Folders made here get the files' privacy; a folder the user already had is left alone.
    for (const std::filesystem::path& folder : {root, root / "traces"}) {
        std::error_code ec;
        if (std::filesystem::is_directory(folder, ec)) continue;
        std::filesystem::create_directories(folder, ec);
        if (!ec)
            std::filesystem::permissions(
                folder, static_cast<std::filesystem::perms>(folder_mode_for(file_mode)),
                std::filesystem::perm_options::replace, ec);
        if (ec) {
            result.error = "cannot create the folder " + folder.string() + ": " + ec.message();
            return result;
        }
    }
    auto add = [&](const std::string& name, const std::function<void(std::ostream&)>& body) {
        if (!write_file(root / name, body, file_mode, result.error)) return false;
        result.files.push_back(name);
        return true;
    };
    if (!add("subjects.csv", [&](std::ostream& o) { write_subjects_csv(data, o); })) return result;
    if (!add("trials.csv", [&](std::ostream& o) { write_trials_csv(data, o); })) return result;
    if (!add("site_summary.csv", [&](std::ostream& o) { write_site_summary_csv(summaries, o); }))
        return result;
    if (!add("holds.csv", [&](std::ostream& o) { write_holds_csv(data, o); })) return result;
    if (!add("training_scores.csv", [&](std::ostream& o) { write_training_scores_csv(data, o); }))
        return result;
    if (!add("site_mdc.csv", [&](std::ostream& o) { write_site_mdc_csv(data, o); })) return result;
    if (!add("reaction_tests.csv", [&](std::ostream& o) { write_reaction_tests_csv(data, o); }))
        return result;
    if (!add("findings.csv", [&](std::ostream& o) { write_findings_csv(data, o); })) return result;
    const auto padded = padded_ids(data);
    for (const auto& t : data.trials) {
        const auto trace = trial_traces ? trial_traces(t.id) : std::nullopt;
        if (!trace) continue;
        if (!add("traces/trial_" + padded(t.id) + ".csv",
                 [&](std::ostream& o) { write_trace_csv(*trace, o); }))
            return result;
    }
    for (const auto& h : data.holds) {
        const auto trace = hold_traces ? hold_traces(h.id) : std::nullopt;
        if (!trace) continue;
        if (!add("traces/hold_" + padded(h.id) + ".csv",
                 [&](std::ostream& o) { write_trace_csv(*trace, o); }))
            return result;
    }
    result.ok = true;
    return result;
}

} // namespace algocore::exporting
