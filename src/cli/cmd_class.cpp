// algoscope-cli class: the teacher's side of a class on the shared study's server.
//   watch   every station of a class live: one line per state change or progress tick
//   assign  hand out a stored template (pushed first when the server lacks it) and a feedback
//           schedule as the class's current exercise
//   progress every finished attempt of the class's students over the course (one line or CSV
//           row per attempt, by student and in time order)
// Stations run the exercise with `train attempt --server URL --class NAME`.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cmath>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "ClassLines.h"
#include "algoargs/Arguments.h"
#include "algocore/export/ClassCourseCsv.h"
#include "algocore/protocols/FeedbackSchedule.h"
#include "algocore/sharedstudy/ClassCourse.h"
#include "algocore/sharedstudy/ClassHandOut.h"
#include "algocore/sharedstudy/ClassWatcher.h"
#include "algocore/sharedstudy/ServerConnection.h"
#include "algoinput/JsonText.h"

namespace {

using namespace algocore;
using namespace algocore::sharedstudy;

struct WatchOptions {
    std::string server;
    std::string class_name;
    bool json = false;
    double duration_s = 0.0; ///< 0: until interrupted
};

struct AssignOptions {
    std::string server;
    std::string class_name;
    std::string db;
    std::string station;
    std::int64_t template_id = 0;
    std::string stage;
    int faded = 0;
    bool json = false;
};

struct ProgressOptions {
    std::string server;
    std::string class_name;
    bool json = false;
    std::string csv; ///< a file, or "-" for standard output
};

constexpr int kExitBadArgument = 2;
constexpr int kExitUnreachable = 3;

int exit_status(const ServerError& error) {
    return error.transient() ? kExitUnreachable : kExitBadArgument;
}

int run_watch(const WatchOptions& o) {
    constexpr const char* kPrefix = "algoscope-cli class watch: ";
    if (!std::isfinite(o.duration_s) || o.duration_s < 0.0 || o.duration_s > 7 * 86400.0) {
        std::cerr << kPrefix << "--duration must be 0-604800 s (0: until interrupted)\n";
        return kExitBadArgument;
    }
    if (ServerError bad = check_server_address(o.server)) {
        std::cerr << kPrefix << bad.message << "\n";
        return kExitBadArgument;
    }
    using Clock = std::chrono::steady_clock;
    const auto end = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(o.duration_s));
    ClassWatcher watcher(o.server, o.class_name);
    bool told = false;
    while (o.duration_s == 0.0 || Clock::now() < end) {
        auto wait = std::chrono::milliseconds(200);
        if (o.duration_s > 0.0)
            wait = std::min(
                wait, std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now()));
        for (const StationProgress& p : watcher.step(wait)) {
            if (o.json)
                std::cout << algoinput::json_text(cli_class::station_line(p)) << std::endl;
            else
                std::cout << cli_class::station_text(p) << std::endl;
        }
        const ServerError& error = watcher.error();
        if (!error) {
            told = false;
            continue;
        }
        // Before the first connection a refusal (no such class, a wrong password) is the
        // user's to fix; later, and whenever the server is away, the watcher keeps trying.
        if (watcher.connections() == 0 && !error.transient()) {
            std::cerr << kPrefix << error.message << "\n";
            return exit_status(error);
        }
        if (!told) std::cerr << kPrefix << error.message << "; trying again\n";
        told = true;
    }
    return 0;
}

int run_assign(const AssignOptions& o) {
    constexpr const char* kPrefix = "algoscope-cli class assign: ";
    protocols::FeedbackSchedule schedule =
        protocols::FeedbackSchedule::constant(protocols::FeedbackLevel::Full);
    if (!o.stage.empty() && o.faded != 0) {
        std::cerr << kPrefix << "give --stage or --faded, not both\n";
        return kExitBadArgument;
    }
    if (!o.stage.empty()) {
        protocols::FeedbackLevel level{};
        if (!protocols::parse_feedback_level(o.stage, level)) {
            std::cerr << kPrefix << "--stage must be full, band_only, summary_after or none\n";
            return kExitBadArgument;
        }
        schedule = protocols::FeedbackSchedule::constant(level);
    } else if (o.faded != 0) {
        if (o.faded < 1 || o.faded > 100) {
            std::cerr << kPrefix << "--faded must be 1-100 attempts per stage\n";
            return kExitBadArgument;
        }
        schedule = protocols::FeedbackSchedule::faded(o.faded);
    }
    const ExerciseHandedOut handed = hand_out_exercise(o.db, o.server, o.class_name, o.template_id,
                                                       schedule.to_json(), o.station);
    if (!handed.refused.empty()) {
        std::cerr << kPrefix << handed.refused << "\n";
        return kExitBadArgument;
    }
    if (handed.error) {
        std::cerr << kPrefix << handed.error.message << "\n";
        return exit_status(handed.error);
    }
    const records::ExpertTemplate& chosen = handed.chosen;
    if (o.json) {
        std::cout << algoinput::json_text(
                         nlohmann::json{{"class", o.class_name},
                                        {"template_id", chosen.id},
                                        {"template_uuid", chosen.uuid},
                                        {"exercise", chosen.name},
                                        {"schedule", nlohmann::json::parse(schedule.to_json())}})
                  << std::endl;
    } else {
        std::cout << "class '" << o.class_name << "': exercise '" << chosen.name << "' (template "
                  << chosen.id << ") assigned\n";
    }
    return 0;
}

int run_progress(const ProgressOptions& o) {
    constexpr const char* kPrefix = "algoscope-cli class progress: ";
    if (o.json && !o.csv.empty()) {
        std::cerr << kPrefix << "give --json or --csv, not both\n";
        return kExitBadArgument;
    }
    if (ServerError bad = check_server_address(o.server)) {
        std::cerr << kPrefix << bad.message << "\n";
        return kExitBadArgument;
    }
    const ClassCourseRead read = read_class_course(o.server, o.class_name);
    if (read.error) {
        std::cerr << kPrefix << read.error.message << "\n";
        return exit_status(read.error);
    }
    if (!o.csv.empty() && o.csv != "-") {
        if (std::string failure =
                exporting::save_class_course_csv(o.csv, o.class_name, read.attempts);
            !failure.empty()) {
            std::cerr << kPrefix << failure << "\n";
            return kExitBadArgument;
        }
        return 0;
    }
    if (o.csv == "-") {
        exporting::write_class_course_csv(o.class_name, read.attempts, std::cout);
        return 0;
    }
    for (const ClassAttempt& a : read.attempts) {
        if (o.json)
            std::cout << algoinput::json_text(cli_class::attempt_line(a)) << std::endl;
        else
            std::cout << cli_class::attempt_text(a) << std::endl;
    }
    return 0;
}

void add_server(CLI::App* cmd, std::string& server) {
    cmd->add_option("--server", server,
                    "libpq connection string or postgresql:// URI (no password in it: "
                    "~/.pgpass or PGPASSFILE)")
        ->required();
}

} // namespace

void register_class_command(CLI::App& app) {
    auto* cls = app.add_subcommand(
        "class", "A class on the shared study's server: watch its stations, hand out exercises");
    cls->require_subcommand(1);

    auto w = std::make_shared<WatchOptions>();
    auto* watch = cls->add_subcommand(
        "watch", "Every station of a class live (exit 2 refused, 3 server unreachable)");
    add_server(watch, w->server);
    watch->add_option("--class", w->class_name, "The class's name")
        ->required()
        ->check(cli_args::printable_name());
    watch->add_flag("--json", w->json,
                    "One JSON object a line: station, student, exercise, state (idle, attempt, "
                    "done, no_signal, offline), pressure_kpa, band_low_kpa, band_high_kpa, "
                    "in_band_pct, score (null until the attempt ends), t (seconds since the "
                    "epoch)");
    watch->add_option("--duration", w->duration_s,
                      "Stop after this many seconds (default: run "
                      "until interrupted)");
    watch->callback([w] {
        if (const int code = run_watch(*w); code != 0) throw CLI::RuntimeError(code);
    });

    auto a = std::make_shared<AssignOptions>();
    auto* assign = cls->add_subcommand(
        "assign", "Make a stored template the class's current exercise (exit 2 refused, 3 "
                  "server unreachable)");
    add_server(assign, a->server);
    assign->add_option("--class", a->class_name, "The class's name (made when missing)")
        ->required()
        ->check(cli_args::printable_name());
    assign->add_option("--db", a->db, "The teacher's database, holding the template")->required();
    assign->add_option("--template", a->template_id, "Stored template id (train templates)")
        ->required();
    assign->add_option("--stage", a->stage,
                       "Feedback for every attempt: full (default), band_only, summary_after, "
                       "none");
    assign->add_option("--faded", a->faded, "Faded feedback, this many attempts per stage");
    assign
        ->add_option("--station", a->station,
                     "The teacher's station name in the study, at its first push")
        ->check(cli_args::printable_name());
    assign->add_flag("--json", a->json, "Write one JSON object");
    assign->callback([a] {
        if (const int code = run_assign(*a); code != 0) throw CLI::RuntimeError(code);
    });

    auto p = std::make_shared<ProgressOptions>();
    auto* progress = cls->add_subcommand(
        "progress", "Every finished attempt of the class's students over the course, by "
                    "student in time order (exit 2 refused, 3 server unreachable)");
    add_server(progress, p->server);
    progress->add_option("--class", p->class_name, "The class's name")
        ->required()
        ->check(cli_args::printable_name());
    progress->add_flag("--json", p->json,
                       "One JSON object a line: student, t (UTC, ISO 8601), station, session, "
                       "session_started_utc, exercise, feedback, attempt, constant_error_kpa, "
                       "absolute_error_kpa, variable_error_kpa, time_in_band_pct");
    progress->add_option("--csv", p->csv,
                         "Write class_progress.csv's rows to this file (- for standard output)");
    progress->callback([p] {
        if (const int code = run_progress(*p); code != 0) throw CLI::RuntimeError(code);
    });
}
