// algoscope-cli history: a subject's sessions, each point's threshold over the sessions (mean
// of counted trials, SD) with the site's MDC and a "real change" verdict against the previous
// and the first session, left/right differences, and every hold's dose. Text in the chosen
// unit, or --json (kPa) for scripts.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "StoredHistory.h"
#include "algoargs/Arguments.h"
#include "algocore/history/HistoryJson.h"
#include "algocore/history/PressureFormat.h"
#include "algoinput/QuotedInput.h"

namespace {

using namespace algocore;
using history::fixed;

struct HistoryArgs {
    cli_study::StudySource study;
    std::string subject;
    std::string unit = "kPa";
    bool json = false;
};

std::string verdict(const std::optional<protocols::ThresholdChange>& c,
                    const history::PressureFormat& f) {
    if (!c) return "-";
    return f.signed_with_symbol(c->change_kpa) + " (" + protocols::verdict_words(c->verdict) + ")";
}

// Stored text (codes, names) as a terminal may show it: control characters escaped, so a
// code like "ESC]0;...BEL" cannot retitle or take over the user's terminal.
std::string shown(const std::string& stored) {
    return algoinput::escape_input(stored);
}

void print_text(const history::SubjectHistory& h, const history::PressureFormat& f) {
    std::cout << "Subject " << shown(h.subject().code) << ": " << h.sessions().size()
              << " sessions\n";
    for (const history::SessionEntry& s : h.sessions())
        std::cout << "  session " << s.session.id << "  " << s.session.started_utc << "  "
                  << s.trials << " trials at " << s.points << " points, " << s.holds << " holds"
                  << (s.operator_name.empty() ? "" : ", by " + shown(s.operator_name)) << "\n";
    for (const history::PointSeries& p : h.points()) {
        std::cout << "\n"
                  << shown(p.label()) << "  (MDC " << f.with_symbol(p.mdc.mdc_kpa) << ", "
                  << p.mdc.provenance << ")\n";
        for (const history::PointVisit& v : p.visits) {
            std::cout << "  " << v.session_started_utc << "  n=" << v.n;
            if (v.n > 0) std::cout << "  mean " << f.with_symbol(v.mean_kpa);
            if (v.n > 1) std::cout << "  SD " << f.with_symbol(v.sd_kpa);
            std::cout << "  vs previous " << verdict(v.vs_previous, f) << "  vs first "
                      << verdict(v.vs_first, f);
            if (v.sides && p.side == records::BodySide::Left)
                std::cout << "  L-R " << f.signed_with_symbol(v.sides->difference_kpa) << " ("
                          << fixed(v.sides->difference_pct, 0) << " %)";
            std::cout << "\n";
        }
    }
    if (!h.holds().empty()) std::cout << "\nHolds\n";
    for (const history::HoldEntry& e : h.holds()) {
        const auto& m = e.hold.metrics;
        std::cout << "  " << e.session_started_utc << "  " << shown(e.site.name) << " "
                  << records::to_letter(e.hold.side) << "  " << fixed(m.duration_s, 0)
                  << " s, in band " << fixed(m.time_in_band_s, 0) << " s ("
                  << fixed(m.time_in_band_pct, 0) << " %), mean " << f.with_symbol(m.mean_kpa)
                  << ", PTI " << f.pti_with_symbol(m.pti_kpa_s) << ", step-ups "
                  << e.hold.step_ups.size() << ", pain "
                  << (e.hold.pain_rating_0_10 ? std::to_string(*e.hold.pain_rating_0_10) + "/10"
                                              : std::string("-"))
                  << "\n";
    }
}

void run_history(const HistoryArgs& a) {
    const auto unit = history::PressureFormat::parse(a.unit);
    if (!unit)
        cli_history::fail("history", "--unit wants kPa, kgf/cm2, N/cm2 or psi, not " +
                                         cli_args::shown(a.unit));
    const auto stored = cli_history::read_stored_history("history", a.study, a.subject);
    if (a.json)
        history::write_history_json(stored.history, std::cout);
    else
        print_text(stored.history, *unit);
}

} // namespace

void register_history_command(CLI::App& app) {
    auto a = std::make_shared<HistoryArgs>();
    CLI::App* cmd = app.add_subcommand(
        "history", "A subject's sessions, thresholds over time with real-change verdicts, holds");
    cli_study::add_study_options(cmd, a->study);
    cmd->add_option("--subject", a->subject, "Subject code")->required();
    cmd->add_option("--unit", a->unit,
                    "Pressure unit of the text: kPa (default), kgf/cm2, "
                    "N/cm2 or psi (--json is always kPa)");
    cmd->add_flag("--json", a->json, "Write JSON (pressures in kPa) instead of text");
    cmd->callback([a] { run_history(*a); });
}
