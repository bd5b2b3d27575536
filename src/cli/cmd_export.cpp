// algoscope-cli export: a database to tidy CSV files (one folder) or one JSON document.
#include <CLI/CLI.hpp>

#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "StudySource.h"
#include "algoargs/Arguments.h"

#include "algocal/CalendarDate.h"
#include "algocore/FileMode.h"
#include "algocore/export/ClassCourseCsv.h"
#include "algocore/export/StorageExport.h"
#include "algocore/export/StudyExport.h"
#include "algocore/export/StudyFilter.h"
#include "algoinput/QuotedInput.h"

namespace {

struct ExportOptions {
    cli_study::StudySource study;
    std::string format = "csv";
    std::string out;
    std::string mode = "0600";
    std::string subject;
    algocore::records::RecordId session = algocore::records::kNoRecord;
    std::string from;
    std::string to;
    std::string class_name; ///< with --server: the class's course too (class_progress.csv)
    bool overwrite = false;
};

// A calendar date, YYYY-MM-DD.
CLI::Validator calendar_date() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            if (text.size() == 10 && algocal::parse_date(text)) return {};
            return "must be a date YYYY-MM-DD, not " + algoinput::quote_input(text, 20);
        },
        "YYYY-MM-DD");
}

algocore::exporting::StudyFilter filter_of(const ExportOptions& o) {
    algocore::exporting::StudyFilter f;
    if (!o.subject.empty()) f.subject_code = o.subject;
    if (o.session != algocore::records::kNoRecord) f.session_id = o.session;
    if (!o.from.empty()) f.from_date = o.from;
    if (!o.to.empty()) f.to_date = o.to;
    return f;
}

// Permission bits of the exported files: octal, at most rw for everyone, and the owner must
// keep read and write.
CLI::Validator file_mode() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            unsigned value = 0;
            const auto [end, error] =
                std::from_chars(text.data(), text.data() + text.size(), value, 8);
            if (error == std::errc{} && end == text.data() + text.size() && text.size() <= 4 &&
                (value & ~0666u) == 0 && (value & 0600u) == 0600u)
                return {};
            return "must be octal permission bits such as 0600 (owner only, the default), 0640 "
                   "or 0644, with read and write for the owner, not " +
                   algoinput::quote_input(text, 20);
        },
        "MODE");
}

void run_export(const ExportOptions& o) {
    using namespace algocore;
    unsigned mode = kOwnerOnlyFileMode;
    std::from_chars(o.mode.data(), o.mode.data() + o.mode.size(), mode, 8);
    if (const std::string wrong = cli_study::check_study_source(o.study); !wrong.empty()) {
        std::cerr << "algoscope-cli export: " << wrong << "\n";
        throw CLI::RuntimeError(2);
    }
    if (!o.class_name.empty() && (!o.study.is_server() || o.format != "csv")) {
        std::cerr << "algoscope-cli export: --class needs --server and --format csv\n";
        throw CLI::RuntimeError(2);
    }
    // Exporting never changes the study, even while a station records into it.
    auto opened = cli_study::open_for_reading(o.study);
    if (!opened.storage) {
        std::cerr << "algoscope-cli export: " << opened.error << "\n";
        throw CLI::RuntimeError(2);
    }
    auto& db = *opened.storage;
    if (!opened.note.empty())
        std::cerr << "algoscope-cli export: warning: " << o.study.db << " " << opened.note << "\n";
    if (!o.from.empty() && !o.to.empty() && o.to < o.from) {
        std::cerr << "algoscope-cli export: --to " << o.to << " is before --from " << o.from
                  << "\n";
        throw CLI::RuntimeError(2);
    }
    const exporting::StudyFilter filter = filter_of(o);
    if (filter.subject_code && !db.find_subject(*filter.subject_code)) {
        std::cerr << "algoscope-cli export: no subject with the code "
                  << algoinput::quote_input(*filter.subject_code, 40) << " in " << o.study.name()
                  << "\n";
        throw CLI::RuntimeError(2);
    }
    // Read once: checked, then written. The file is opened read-only, so nothing is pending.
    const exporting::StudySelection selection =
        exporting::select_study(db, filter, std::chrono::milliseconds(0));
    if (filter.session_id && selection.data.sessions.empty()) {
        std::cerr << "algoscope-cli export: no session " << *filter.session_id
                  << (filter.subject_code ? " of subject " + *filter.subject_code : "") << " in "
                  << o.study.name() << "\n";
        throw CLI::RuntimeError(2);
    }
    if (o.format == "json" && (o.out.empty() || o.out == "-")) {
        // To standard output (a pipe): the same document, written as it is made.
        exporting::write_study_json(
            selection.data, selection.summaries, std::cout,
            [&db](records::RecordId id) { return db.trial_trace(id); },
            [&db](records::RecordId id) { return db.hold_trace(id); });
        return;
    }
    // The class's course is read before anything is written, so a refusal leaves no folder.
    std::optional<sharedstudy::ClassCourseRead> course;
    if (!o.class_name.empty()) {
        course = sharedstudy::read_class_course(o.study.server, o.class_name);
        if (course->error) {
            std::cerr << "algoscope-cli export: " << course->error.message << "\n";
            throw CLI::RuntimeError(course->error.transient() ? 3 : 2);
        }
    }
    exporting::ExportRequest request;
    request.filter = filter;
    request.json = o.format == "json";
    // CSV is several tables and a file per trace, so it goes to a folder.
    request.path = request.json || !o.out.empty() ? o.out : "algoscope-export";
    request.file_mode = mode;
    request.overwrite = o.overwrite;
    const exporting::ExportOutcome outcome = exporting::write_export(db, selection, request);
    if (!outcome.ok) {
        std::cerr << "algoscope-cli export: " << outcome.error << "\n";
        throw CLI::RuntimeError(2);
    }
    if (course) {
        const std::string path =
            (std::filesystem::path(request.path) / exporting::kClassProgressCsv).string();
        if (std::string failure =
                exporting::save_class_course_csv(path, o.class_name, course->attempts, mode);
            !failure.empty()) {
            std::cerr << "algoscope-cli export: " << failure << "\n";
            throw CLI::RuntimeError(2);
        }
    }
    std::cerr << outcome.summary(request.path) << "\n";
}

} // namespace

void register_export_command(CLI::App& app) {
    auto options = std::make_shared<ExportOptions>();
    CLI::App* cmd = app.add_subcommand(
        "export", "Export a database: csv (a folder of tidy tables and traces) or json");
    cli_study::add_study_options(cmd, options->study);
    cmd->add_option("--format", options->format, "csv or json")
        ->check(CLI::IsMember({"csv", "json"}));
    cmd->add_option("--out", options->out,
                    "Output folder (csv, default ./algoscope-export) or file (json, default "
                    "standard output)");
    cmd->add_option("--mode", options->mode,
                    "Permissions of the files written, octal (default 0600: the export holds "
                    "health data, so only you can read it; 0640 or 0644 to share)")
        ->check(file_mode());
    cmd->add_flag("--overwrite", options->overwrite,
                  "csv: replace the --out folder whole when it already holds files (without it, "
                  "a folder that is not empty is refused)");
    cmd->add_option("--subject", options->subject, "Only this subject's sessions (its code)");
    cmd->add_option("--session", options->session, "Only this session (its id)")
        ->check(cli_args::positive_count(1L << 53));
    cmd->add_option("--from", options->from, "Only sessions on or after this day (YYYY-MM-DD)")
        ->check(calendar_date());
    cmd->add_option("--to", options->to, "Only sessions on or before this day (YYYY-MM-DD)")
        ->check(calendar_date());
    cmd->add_option("--class", options->class_name,
                    "With --server (csv): also the class's course, every finished attempt of "
                    "its students, as class_progress.csv")
        ->check(cli_args::printable_name());
    cmd->callback([options] { run_export(*options); });
}
