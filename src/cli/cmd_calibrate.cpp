// `algoscope-cli calibrate ...`: headless calibration.
//   fit      fit any two CSV columns (reading against load) and print the fit [--json]
//   report   certificate-style report of a calibration record
//   new      build a record from a points CSV, save it in a store [--activate]
//   activate make a stored record the active one for its device
//   history  list a device's stored records
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

#include "algoargs/Arguments.h"
#include "algocal/CalendarDate.h"
#include "algocal/CalibrationAnalysis.h"
#include "algocore/calibration/CalibrationRecordJson.h"
#include "algocore/calibration/CalibrationReport.h"
#include "algocore/calibration/CalibrationStore.h"
#include "algocore/calibration/CsvColumns.h"
#include "algocore/calibration/FitJson.h"
#include "algocore/session/CalibrationSession.h"
#include "algoinput/InputFile.h"
#include "algoinput/QuotedInput.h"

namespace {

constexpr int kExitBadInput = 2;
constexpr int kExitRefusedRecord = 3;

[[noreturn]] void fail(const std::string& what, const std::string& message,
                       int code = kExitBadInput) {
    std::cerr << "algoscope-cli calibrate " << what << ": " << message << "\n";
    throw CLI::RuntimeError(code);
}

// The whole CSV, read with a size limit (a wrong file or /dev/zero is refused, not read).
std::istringstream open_input(const std::string& what, const std::string& path) {
    algoinput::InputFileRead file =
        algoinput::read_input_file(path, algocore::kMaxCsvInputBytes, "CSV file");
    if (!file.ok()) fail(what, file.error);
    return std::istringstream(std::move(file.bytes));
}

std::string shown_path(const std::string& path) {
    return algoinput::escape_input(path);
}

struct FitArgs {
    std::string in;
    std::string x;
    std::string y;
    int degree = 1;
    bool json = false;
};

void run_fit(const FitArgs& args) {
    std::istringstream in = open_input("fit", args.in);
    const algocore::CsvColumns columns = algocore::read_csv_columns(in, args.x, args.y);
    if (!columns.ok) fail("fit", shown_path(args.in) + ": " + columns.message);
    const algocal::FitResult result = algocal::fit_polynomial(columns.x, columns.y, args.degree);
    if (!result.ok()) {
        // Problems of the x data are named by their column.
        const bool about_x = result.status == algocal::FitStatus::kConstantX ||
                             result.status == algocal::FitStatus::kTooFewDistinctX;
        const bool about_rows = result.status == algocal::FitStatus::kTooFewPoints;
        const std::string x = algoinput::escape_input(args.x, 40);
        const std::string y = algoinput::escape_input(args.y, 40);
        fail("fit", shown_path(args.in) + ": " +
                        (about_x      ? "column '" + x + "': "
                         : about_rows ? "columns '" + x + "'/'" + y + "': "
                                      : std::string()) +
                        result.message);
    }
    if (args.json) {
        std::cout << algocore::polynomial_fit_to_json(result.fit) << "\n";
        return;
    }
    const algocal::PolynomialFit& fit = result.fit;
    std::printf("%s = polynomial of degree %d in %s, %zu points (%s lines %zu-%zu)\n",
                args.y.c_str(), fit.degree, args.x.c_str(), fit.n, args.in.c_str(),
                columns.line_of_row.front(), columns.line_of_row.back());
    for (std::size_t k = 0; k < fit.coefficients.size(); ++k)
        std::printf("  c%zu = %24.17g   standard error %.6g\n", k, fit.coefficients[k],
                    fit.std_errors[k]);
    std::printf("  residual SD %.9g   R^2 %.15f\n", fit.residual_sd, fit.r_squared);
    const algocal::DegreeRecommendation recommendation =
        algocal::recommend_degree(columns.x, columns.y);
    std::printf("  recommended %s\n", recommendation.reason.c_str());
}

struct ReportArgs {
    std::string record;
    std::string device;
};

void run_report(const ReportArgs& args) {
    const algocore::CalibrationLoadResult loaded =
        algocore::load_calibration_record(args.record, {args.device, algocal::today_utc()});
    if (!loaded.ok) fail("report", "record refused: " + loaded.message, kExitRefusedRecord);
    if (loaded.expired) std::cerr << "warning: " << loaded.warning << "\n";
    std::cout << algocore::calibration_report(loaded.record);
}

struct NewArgs {
    std::string points;
    std::string store;
    std::string out;
    std::string device;
    std::string operator_name;
    std::vector<std::string> references;
    double reference_uncertainty_percent = 0.0;
    double temperature_c = 20.0;
    double probe_area_cm2 = algocal::kStandardProbeAreaCm2;
    std::string reading_kind = "raw_counts";
    int degree = 0;
    int valid_days = 365;
    double tolerance_percent_fs = 1.0;
    bool activate = false;
    std::string notes;
};

void run_new(const NewArgs& args) {
    if (args.store.empty() && args.out.empty()) fail("new", "give --store DIR or --out FILE");
    std::istringstream in = open_input("new", args.points);
    const algocore::CsvPoints csv = algocore::read_calibration_points_csv(in);
    if (!csv.ok) fail("new", shown_path(args.points) + ": " + csv.message);

    // The same session the wizard runs, given the points measured elsewhere: the same fit,
    // verdict and record, saved the same way.
    algocore::session::CalibrationSetup setup;
    setup.device_serial = args.device;
    setup.operator_name = args.operator_name;
    for (const std::string& id : args.references)
        setup.reference_standards.push_back({id, "", args.reference_uncertainty_percent, 2.0});
    setup.temperature_c = args.temperature_c;
    setup.probe_area_cm2 = args.probe_area_cm2;
    setup.reading_kind = args.reading_kind == "device_newtons"
                             ? algocal::ReadingKind::kDeviceNewtons
                             : algocal::ReadingKind::kRawCounts;
    setup.tolerance_percent_fs = args.tolerance_percent_fs;
    setup.validity_days = args.valid_days;
    setup.notes = args.notes;
    const std::string problem = algocore::session::check_setup(setup);
    algocore::session::CalibrationSession calibration(algocal::StabilityRule{}, 1.0);
    calibration.start_with_points(setup, csv.points);
    const algocore::session::CalibrationOutcome& outcome =
        calibration.decide(args.degree, algocal::today_utc());
    if (!outcome.analysis.ok)
        fail("new", shown_path(args.points) + ": " + outcome.analysis.message);
    if (!problem.empty()) fail("new", problem);
    std::cerr << outcome.verdict.summary << "\n";

    if (!args.store.empty()) {
        algocore::CalibrationStore store(args.store);
        const algocore::StoreResult saved = calibration.save(store, args.activate);
        if (!saved.ok()) fail("new", saved.error, kExitRefusedRecord);
        const algocal::CalibrationRecord& stored = *calibration.record();
        std::cout << store.record_path(stored.device_serial, stored.id).string() << "\n";
    }
    algocal::CalibrationRecord record = *calibration.record();
    if (!args.out.empty()) {
        if (record.id == 0) record.id = algocore::CalibrationStore::time_based_id();
        const algocore::CalibrationLoadResult check =
            algocore::calibration_record_from_json(algocore::calibration_record_to_json(record),
                                                   {record.device_serial, record.calibrated_on});
        if (!check.ok) fail("new", "record not written: " + check.message, kExitRefusedRecord);
        const std::string error = algocore::save_calibration_record(args.out, record);
        if (!error.empty()) fail("new", error);
        std::cout << args.out << "\n";
    }
    std::cout << algocore::calibration_report(record);
}

struct StoreArgs {
    std::string store;
    std::string device;
    std::uint64_t id = 0;
};

void run_activate(const StoreArgs& args) {
    algocore::CalibrationStore store(args.store);
    const algocore::StoreResult result = store.activate(args.device, args.id);
    if (!result.ok()) fail("activate", result.error, kExitRefusedRecord);
    std::cout << "calibration " << args.id << " is now active for device " << args.device << "\n";
}

void run_history(const StoreArgs& args) {
    const algocore::CalibrationStore store(args.store);
    const auto records = store.history(args.device);
    if (records.empty()) {
        std::cout << "no stored calibrations for device " << args.device << "\n";
        return;
    }
    const auto today = algocal::today_utc();
    for (const auto& r : records)
        std::printf("%c %llu  calibrated %s  valid until %s%s  degree %d\n", r.active ? '*' : ' ',
                    static_cast<unsigned long long>(r.id),
                    algocal::format_date(r.calibrated_on).c_str(),
                    algocal::format_date(r.expires_on).c_str(),
                    today > r.expires_on ? " (EXPIRED)" : "", r.degree);
}

void add_store_options(CLI::App* cmd, const std::shared_ptr<StoreArgs>& args) {
    cmd->add_option("--store", args->store, "Calibration store directory")->required();
    cmd->add_option("--device", args->device, "Device serial number")
        ->required()
        ->check(cli_args::printable_name());
}

// A finite number within [low, high], said in words.
CLI::Validator number_within(double low, double high, const std::string& unit) {
    return CLI::Validator(
        [low, high, unit](std::string& text) -> std::string {
            const auto value = cli_args::finite_number(text);
            if (value && *value >= low && *value <= high) return {};
            char range[96];
            std::snprintf(range, sizeof range, "must be a number from %g to %g%s, not ", low, high,
                          unit.c_str());
            return range + cli_args::shown(text);
        },
        "NUMBER");
}

} // namespace

void register_calibrate_command(CLI::App& app) {
    auto* calibrate = app.add_subcommand("calibrate", "Calibration fits, records and reports");
    calibrate->require_subcommand(1);

    auto fit_args = std::make_shared<FitArgs>();
    auto* fit = calibrate->add_subcommand("fit", "Least-squares polynomial of one CSV column "
                                                 "against another");
    fit->add_option("--in", fit_args->in, "CSV file with a header row")->required();
    fit->add_option("--x", fit_args->x, "Column of the independent variable (applied load)")
        ->required();
    fit->add_option("--y", fit_args->y, "Column of the dependent variable (reading)")->required();
    fit->add_option("--degree", fit_args->degree, "Polynomial degree 1..5")
        ->required()
        ->check(CLI::Range(1, 5));
    fit->add_flag("--json", fit_args->json, "Print the fit as one JSON object");
    fit->callback([fit_args] { run_fit(*fit_args); });

    auto report_args = std::make_shared<ReportArgs>();
    auto* report = calibrate->add_subcommand("report", "Certificate-style report of a record");
    report->add_option("record", report_args->record, "Calibration record (JSON)")->required();
    report
        ->add_option("--device", report_args->device,
                     "Refuse the record unless it is for this device serial")
        ->check(cli_args::printable_name());
    report->callback([report_args] { run_report(*report_args); });

    auto new_args = std::make_shared<NewArgs>();
    auto* create = calibrate->add_subcommand("new", "Create a calibration record from points");
    create
        ->add_option("--points", new_args->points, "CSV: applied_load,unit,reading,direction[,run]")
        ->required();
    create->add_option("--device", new_args->device, "Device serial number")
        ->required()
        ->check(cli_args::printable_name());
    create->add_option("--operator", new_args->operator_name, "Who calibrated")
        ->required()
        ->check(cli_args::printable_name());
    create->add_option("--reference", new_args->references, "Reference standard id (repeatable)")
        ->required()
        ->check(cli_args::printable_name());
    create
        ->add_option("--reference-uncertainty", new_args->reference_uncertainty_percent,
                     "Expanded uncertainty of the references, % of load (k = 2)")
        ->check(number_within(0.0, 100.0, " %"));
    create->add_option("--temperature", new_args->temperature_c, "Temperature, °C")
        ->check(number_within(-40.0, 80.0, " °C"));
    create
        ->add_option("--probe-area", new_args->probe_area_cm2,
                     "Probe area, cm² (" + algocal::probe_area_range_text() + ")")
        ->check(cli_args::probe_area_cm2());
    create->add_option("--reading-kind", new_args->reading_kind, "raw_counts or device_newtons")
        ->check(CLI::IsMember({"raw_counts", "device_newtons"}));
    create->add_option("--degree", new_args->degree, "Fit degree 1..5 (0 = recommended)")
        ->check(CLI::Range(0, 5));
    create->add_option("--valid-days", new_args->valid_days, "Days until the record expires")
        ->check(CLI::Range(1, 3650));
    create
        ->add_option("--tolerance", new_args->tolerance_percent_fs,
                     "Pass/fail tolerance, % of full scale")
        ->check(number_within(0.001, 100.0, " % FS"));
    create->add_option("--store", new_args->store, "Save into this calibration store");
    create->add_option("--out", new_args->out, "Also write the record to this file");
    create->add_flag("--activate", new_args->activate, "Make it the device's active record");
    create->add_option("--notes", new_args->notes, "Free text for the report")
        ->check(CLI::Validator(
            [](std::string& text) -> std::string {
                return algoinput::is_printable_text(text)
                           ? std::string()
                           : "must be text without control characters, not " +
                                 cli_args::shown(text);
            },
            "TEXT"));
    create->callback([new_args] { run_new(*new_args); });

    auto activate_args = std::make_shared<StoreArgs>();
    auto* activate = calibrate->add_subcommand("activate", "Make a stored record active");
    add_store_options(activate, activate_args);
    activate->add_option("--id", activate_args->id, "Record id")->required();
    activate->callback([activate_args] { run_activate(*activate_args); });

    auto history_args = std::make_shared<StoreArgs>();
    auto* history = calibrate->add_subcommand("history", "List a device's stored records");
    add_store_options(history, history_args);
    history->callback([history_args] { run_history(*history_args); });
}
