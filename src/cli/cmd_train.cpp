// algoscope-cli train: dosage training headless, run by algocore's TrainingSession (the engine
// the Training page shows).
//   record    record an expert template from the device into the database
//   attempt   a student's attempts against a stored template, at a feedback stage or under
//             the student's stored schedule; one JSON line of scores per attempt
//   templates list the stored templates
// Templates, schedules (plans) and scores persist in the database, so attempts keep counting
// across runs and restarts.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "ClassLines.h"
#include "TrainCommand.h"
#include "algoargs/Arguments.h"
#include "algocore/protocols/ContactSpan.h"
#include "algocore/protocols/ProbeContact.h"
#include "algocore/session/ClassStation.h"
#include "algocore/sharedstudy/ClassPublisher.h"
#include "algocore/sharedstudy/StationPush.h"
#include "algoinput/JsonText.h"

namespace cli_train {

using namespace algocore;
using cli_measuring::Failure;
using Phase = session::TrainingSession::Phase;

namespace {

std::optional<protocols::PressureBand> band_of(const std::string& text) {
    if (text.empty()) return std::nullopt;
    const auto colon = text.find(':');
    try {
        if (colon == std::string::npos) throw std::invalid_argument("no colon");
        protocols::PressureBand band{std::stod(text.substr(0, colon)),
                                     std::stod(text.substr(colon + 1))};
        if (band.validate().ok()) return band;
    } catch (const std::exception&) {
    }
    throw Failure{cli_measuring::kExitBadArgument,
                  "--band must be LOW:HIGH in kPa, not " + cli_measuring::quoted(text)};
}

void open(session::Workbench& wb, const Options& o) {
    if (std::string problem = wb.open_database(o.db); !problem.empty())
        throw Failure{cli_measuring::kExitNotStored, problem};
}

// Pumps frames until pred() holds, the time is up or the frames end.
void until(session::Workbench& wb, const Options& o, const cli_measuring::FrameSource& frames,
           const std::function<bool()>& pred, const char* waiting_for) {
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                              std::chrono::duration<double>(o.timeout_s));
    while (!pred()) {
        if (std::chrono::steady_clock::now() > deadline)
            throw Failure{cli_measuring::kExitTimedOut,
                          std::string("timed out waiting for ") + waiting_for};
        if (!frames(wb))
            throw Failure{cli_measuring::kExitTimedOut,
                          std::string("the samples ended while waiting for ") + waiting_for};
    }
}

// The probe is off the skin: the newest sample below half the contact pressure (none yet
// counts as off).
bool lifted(const session::Workbench& wb) {
    return !wb.latest_sample() || wb.latest_sample()->pressure_kpa < protocols::kProbeLiftedKpa;
}

} // namespace

void record(const Options& o, session::Workbench& wb, const cli_measuring::FrameSource& frames,
            const cli_measuring::Connect& connect, std::ostream& out) {
    if (!std::isfinite(o.duration_s) || o.duration_s < 1.0 || o.duration_s > 600.0)
        throw Failure{cli_measuring::kExitBadArgument, "--duration must be 1-600 s"};
    const auto band = band_of(o.band);
    open(wb, o);
    auto& training = wb.training();
    if (std::string problem = training.set_teacher(o.teacher); !problem.empty())
        throw Failure{cli_measuring::kExitBadArgument, problem};
    if (connect) connect(wb);
    // Recording runs from now; --duration counts from the expert's first contact, and the
    // session keeps the template from first to last contact.
    const auto kind =
        o.kind == "ramp" ? protocols::TemplateKind::Ramp : protocols::TemplateKind::Hold;
    if (std::string problem = training.start_recording(kind, o.name, band); !problem.empty())
        throw Failure{cli_measuring::kExitBadArgument, problem};
    until(
        wb, o, frames,
        [&] {
            const auto& r = training.recording();
            const auto span = protocols::contact_span(r);
            return span && r.back().t_s - r[span->first].t_s >= o.duration_s;
        },
        "the expert's recording");
    if (std::string problem = training.finish_recording(); !problem.empty())
        throw Failure{cli_measuring::kExitBadArgument, problem};
    if (!training.template_id() || !wb.storage()->flush(std::chrono::seconds(10)))
        throw Failure{cli_measuring::kExitNotStored,
                      "the template was not stored: " + training.message()};
    out << algoinput::json_text(nlohmann::json{{"template_id", *training.template_id()},
                                               {"name", training.expert()->name()},
                                               {"kind", o.kind},
                                               {"duration_s", training.expert()->duration_s()},
                                               {"samples", training.expert()->points().size()}})
        << std::endl;
    cli_measuring::close_or_fail(wb);
}

namespace {

// Seconds since the epoch of the newest sample: the wall clock now, less the sample's age on
// the session clock (the station's time of the value the class sees).
double newest_sample_utc_s(const session::Workbench& wb) {
    const double now_s =
        std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    const auto session_now = wb.session_now_s();
    if (!session_now || !wb.latest_sample()) return now_s;
    return now_s - std::max(0.0, *session_now - wb.latest_sample()->t_s);
}

int server_exit(const sharedstudy::ServerError& error) {
    return error.transient() ? cli_measuring::kExitDevice : cli_measuring::kExitBadArgument;
}

// The station's records go to the study (the first push registers the station, which may then
// publish to its class); returns the station's identity in the study.
std::string push_station(const Options& o) {
    auto server = sharedstudy::ServerConnection::open(o.server);
    if (!server.connection)
        throw Failure{server_exit(server.error), "the class's server: " + server.error.message};
    auto file = sharedstudy::StationFile::open(o.db);
    if (!file.file) throw Failure{cli_measuring::kExitNotStored, file.error};
    sharedstudy::PushOptions push;
    push.station_name = o.station;
    const auto report = sharedstudy::push_station(*file.file, *server.connection, push);
    if (report.error)
        throw Failure{server_exit(report.error),
                      "pushing to the class's server: " + report.error.message};
    return file.file->station()->uuid;
}

// Reads the class's current exercise and sets the session up to run it.
void take_class_exercise(const Options& o, session::Workbench& wb) {
    auto server = sharedstudy::ServerConnection::open(o.server);
    if (!server.connection)
        throw Failure{server_exit(server.error), "the class's server: " + server.error.message};
    const auto read = sharedstudy::read_current_exercise(*server.connection, o.class_name);
    if (read.error) throw Failure{server_exit(read.error), read.error.message};
    const auto run = session::exercise_to_run(*read.exercise);
    if (!run.error.empty()) throw Failure{cli_measuring::kExitBadArgument, run.error};
    auto& training = wb.training();
    training.use_template(*run.expert, run.band);
    if (std::string problem = training.set_student(o.student); !problem.empty())
        throw Failure{cli_measuring::kExitBadArgument, problem};
    // The student's stored plan is read first, so the class's schedule is the one that counts.
    wb.storage()->flush(std::chrono::seconds(5));
    wb.poll();
    if (std::string problem = training.set_schedule(run.schedule); !problem.empty())
        throw Failure{cli_measuring::kExitBadArgument, problem};
}

void take_stored_template(const Options& o, session::Workbench& wb) {
    auto& training = wb.training();
    training.choose_template(o.template_id);
    if (std::string problem = training.set_student(o.student); !problem.empty())
        throw Failure{cli_measuring::kExitBadArgument, problem};
    for (int i = 0; i < 2000 && (!training.expert() || training.template_id() != o.template_id);
         ++i) {
        wb.poll();
        if (!training.message().empty()) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (!training.expert())
        throw Failure{cli_measuring::kExitBadArgument,
                      training.message().empty()
                          ? "template " + std::to_string(o.template_id) + " not found"
                          : training.message()};
    if (!o.stage.empty()) {
        protocols::FeedbackLevel level{};
        if (!protocols::parse_feedback_level(o.stage, level))
            throw Failure{cli_measuring::kExitBadArgument,
                          "--stage must be full, band_only, summary_after or none"};
        training.set_schedule(protocols::FeedbackSchedule::constant(level));
    } else if (o.faded > 0) {
        training.set_schedule(protocols::FeedbackSchedule::faded(o.faded));
    }
}

void check_class_options(const Options& o) {
    const bool in_class = !o.class_name.empty();
    if (in_class && o.server.empty())
        throw Failure{cli_measuring::kExitBadArgument, "--class needs --server"};
    if (!in_class && !o.server.empty())
        throw Failure{cli_measuring::kExitBadArgument, "--server needs --class"};
    if (in_class && o.template_id != 0)
        throw Failure{cli_measuring::kExitBadArgument,
                      "give --template or --class (the class's exercise), not both"};
    if (in_class && (!o.stage.empty() || o.faded != 0))
        throw Failure{cli_measuring::kExitBadArgument,
                      "the class's exercise has its own feedback schedule: no --stage or --faded"};
    if (!in_class && o.template_id == 0)
        throw Failure{cli_measuring::kExitBadArgument,
                      "--template is required (or --server and --class for the class's "
                      "exercise)"};
    if (in_class)
        if (auto bad = sharedstudy::check_server_address(o.server))
            throw Failure{cli_measuring::kExitBadArgument, bad.message};
}

} // namespace

void attempts(const Options& o, session::Workbench& wb, const cli_measuring::FrameSource& frames,
              const cli_measuring::Connect& connect, std::ostream& out) {
    if (o.attempts < 1 || o.attempts > 100)
        throw Failure{cli_measuring::kExitBadArgument, "--attempts must be 1-100"};
    check_class_options(o);
    open(wb, o);
    auto& training = wb.training();
    const bool in_class = !o.class_name.empty();
    std::unique_ptr<sharedstudy::ClassPublisher> publisher;
    if (in_class) {
        const std::string station = push_station(o);
        take_class_exercise(o, wb);
        publisher = std::make_unique<sharedstudy::ClassPublisher>(o.server, station, o.class_name);
    } else {
        take_stored_template(o, wb);
    }
    const auto publish = [&](session::Workbench& bench) {
        publisher->offer(
            session::class_progress_of(training, bench.live(), newest_sample_utc_s(bench)));
    };
    // Every frame the class may see: at most as often as the publisher sends.
    const cli_measuring::FrameSource source = [&](session::Workbench& bench) {
        const bool more = frames(bench);
        if (publisher && publisher->wants_offer()) publish(bench);
        return more;
    };
    if (connect) connect(wb);
    try {
        for (int i = 0; i < o.attempts; ++i) {
            // Each attempt is armed with the probe off the skin; the session begins it at first
            // contact and ends it after the template's length.
            until(
                wb, o, source, [&] { return lifted(wb); }, "the probe to lift");
            const int number = training.attempt_number();
            const auto level = training.level();
            if (std::string problem = training.start_attempt(); !problem.empty())
                throw Failure{cli_measuring::kExitBadArgument, problem};
            until(
                wb, o, source, [&] { return !training.waiting_for_contact(); },
                "the probe to touch");
            until(
                wb, o, source, [&] { return training.phase() == Phase::Idle; },
                "the attempt to end");
            const auto& score = training.last_score();
            if (!score) throw Failure{cli_measuring::kExitDevice, training.message()};
            nlohmann::json line{{"student", o.student},
                                {"attempt", number},
                                {"feedback", protocols::to_string(level)},
                                {"shown_to_student", training.visible_score().has_value()},
                                {"samples_compared", score->samples_compared}};
            line["template_id"] =
                in_class ? nlohmann::json(nullptr) : nlohmann::json(o.template_id);
            if (in_class) line["class"] = o.class_name;
            line.update(cli_class::score_fields(session::class_score_of(*score)));
            out << algoinput::json_text(line) << std::endl;
            // The class sees the score at once, not at the next frame's turn.
            if (publisher) publish(wb);
        }
    } catch (const Failure&) {
        // The class sees how the station ended (NO SIGNAL, an attempt never finished).
        if (publisher) {
            publish(wb);
            publisher->flush(std::chrono::seconds(2));
        }
        throw;
    }
    if (!wb.storage()->flush(std::chrono::seconds(10)))
        cli_measuring::fail_not_stored(wb, "the scores were not committed: " +
                                               wb.storage()->status().message);
    if (publisher) {
        publish(wb);
        if (!publisher->flush(std::chrono::seconds(3)))
            std::cerr << "algoscope-cli train attempt: the class did not see the last score: "
                      << publisher->status().error.message << "\n";
        // The scores travel to the study as every record does; what cannot be sent now waits
        // in the station's file for the next push.
        try {
            push_station(o);
        } catch (const Failure& failure) {
            std::cerr << "algoscope-cli train attempt: " << failure.message
                      << "; the scores wait in " << o.db << " for the next push\n";
        }
    }
    cli_measuring::close_or_fail(wb);
}

namespace {

void run_templates(const Options& o) {
    session::Workbench wb;
    open(wb, o);
    for (const auto& t : wb.storage()->templates()) {
        nlohmann::json line = {{"template_id", t.id},
                               {"name", t.name},
                               {"kind", t.kind},
                               {"duration_s", t.duration_s},
                               {"recorded_utc", t.recorded_utc}};
        line["band_low_kpa"] =
            t.band_low_kpa ? nlohmann::json(*t.band_low_kpa) : nlohmann::json(nullptr);
        line["band_high_kpa"] =
            t.band_high_kpa ? nlohmann::json(*t.band_high_kpa) : nlohmann::json(nullptr);
        std::cout << algoinput::json_text(line) << std::endl;
    }
}

// The device's frames, as every measuring command reads them.
void run_on_device(const Options& o, bool recording) {
    session::Workbench wb;
    const auto connect = [&o](session::Workbench& bench) {
        cli_measuring::Common common;
        common.port = o.port;
        common.driver = o.driver;
        cli_measuring::connect_device(bench, common);
    };
    if (recording)
        record(o, wb, cli_measuring::device_frames(), connect, std::cout);
    else
        attempts(o, wb, cli_measuring::device_frames(), connect, std::cout);
    wb.disconnect();
}

} // namespace

} // namespace cli_train

void register_train_command(CLI::App& app) {
    auto* train =
        app.add_subcommand("train", "Dosage training: expert templates and scored attempts");
    train->require_subcommand(1);
    auto o = std::make_shared<cli_train::Options>();
    const auto device = [o](CLI::App* cmd) {
        cmd->add_option("--port", o->port, "Serial port of the algometer")->required();
        cmd->add_option("--driver", o->driver, "Device dialect (default auto)");
        cmd->add_option("--timeout", o->timeout_s, "Give up after this many seconds (default 600)");
    };
    auto* record = train->add_subcommand("record", "Record an expert template from the device");
    record->add_option("--db", o->db, "Database file")->required();
    device(record);
    record->add_option("--teacher", o->teacher, "Who records the template")->required();
    record->add_option("--name", o->name, "Template name")->required();
    record->add_option("--kind", o->kind, "hold or ramp")->check(CLI::IsMember({"hold", "ramp"}));
    record->add_option("--band", o->band, "Target band LOW:HIGH, kPa (scored as time in band)");
    record->add_option("--duration", o->duration_s,
                       "Seconds recorded from first contact (default 10)");
    record->callback([o] {
        cli_measuring::run_guarded("train record", [&] { cli_train::run_on_device(*o, true); });
    });

    auto* attempt = train->add_subcommand("attempt", "A student's scored attempts (JSON lines)");
    attempt->add_option("--db", o->db, "Database file")->required();
    device(attempt);
    attempt->add_option("--student", o->student, "The student's name")->required();
    attempt->add_option("--template", o->template_id,
                        "Stored template id (train templates); without it, --server and --class");
    attempt->add_option("--stage", o->stage, "Feedback: full, band_only, summary_after, none");
    attempt->add_option("--faded", o->faded, "Faded schedule, this many attempts per stage");
    attempt->add_option("--attempts", o->attempts, "Attempts to run (default 1)");
    attempt->add_option("--server", o->server,
                        "The shared study's server (libpq address, no password in it)");
    attempt
        ->add_option("--class", o->class_name,
                     "Run the class's current exercise and publish progress to the class")
        ->check(cli_args::printable_name());
    attempt
        ->add_option("--station", o->station,
                     "This station's name in the study, at its first push (default: this "
                     "computer's name)")
        ->check(cli_args::printable_name());
    attempt->callback([o] {
        cli_measuring::run_guarded("train attempt", [&] { cli_train::run_on_device(*o, false); });
    });

    auto* list = train->add_subcommand("templates", "List the stored templates (JSON lines)");
    list->add_option("--db", o->db, "Database file")->required();
    list->callback([o] {
        cli_measuring::run_guarded("train templates", [&] { cli_train::run_templates(*o); });
    });
}
