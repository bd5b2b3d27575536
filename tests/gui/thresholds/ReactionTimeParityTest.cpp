// One reaction-time engine, two front ends, one stored format: the same simulated hand (the
// simulator's reacting subject, 250 ms, one seed) answers the host's cues once on the
// Thresholds page (its button, its flash) and once in `algoscope-cli rt` (cli_rt::run with a
// scripted frame source), each on a workbench with the same fixed wall clock, the same cue
// seed and its own database. The stored test and every cue and press must be identical, byte
// for byte, apart from the row ids and identities the two databases handed out.
#include <QPushButton>
#include <QtTest>

#include <sstream>
#include <string>
#include <vector>

#include "ParityCheck.h"
#include "ReactingHand.h"
#include "RtCommand.h"
#include "algocore/session/Workbench.h"
#include "algogui/thresholds/CueFlash.h"
#include "algogui/thresholds/ReactionTimePanel.h"
#include "algogui/thresholds/SessionForm.h"
#include "algogui/thresholds/SubjectForm.h"
#include "algogui/thresholds/ThresholdsPage.h"

namespace {

const char* const kUtc = "2026-12-01T09:00:00Z";
constexpr double kReactionMs = 250.0;
constexpr std::uint64_t kHandSeed = 11;
constexpr std::uint64_t kCueSeed = 5;
constexpr std::size_t kMaxFrames = 20000; // 320 s of samples: far more than a test takes

std::vector<std::string> queries() {
    std::vector<std::string> q = parity::visit_queries();
    q.push_back("SELECT session_id, tested_utc, cue_source, trials, practice, n, median_ms, "
                "iqr_ms, anticipations, misses, lost_cues, complete, timing_uncertainty_ms, "
                "timing_note FROM reaction_tests ORDER BY id");
    q.push_back("SELECT test_id, number, outcome, cue_t_s, press_t_s, reaction_ms FROM "
                "reaction_cues ORDER BY test_id, number");
    return q;
}

// The page's forms filled in, its reaction-time button clicked, the hand's frames fed.
int measure_on_the_page(const std::string& db) {
    algocore::session::Workbench workbench(parity::fixed_clock(kUtc));
    const std::string opened = workbench.open_database(db);
    if (!opened.empty()) qFatal("%s", opened.c_str());
    algogui::ThresholdsPage page{workbench, nullptr, nullptr};
    page.set_reaction_seed(kCueSeed);
    algocore::records::Subject subject;
    subject.code = "P-017";
    page.subject_form().set_subject(subject);
    page.session_form().set_operator_name(QStringLiteral("Dr Lund"));
    page.resize(1280, 780);
    page.show();
    if (!QTest::qWaitForWindowExposed(&page)) qFatal("the page was not shown");
    QTest::mouseClick(&page.reaction_panel().start_button(), Qt::LeftButton);
    rthand::ReactingHand hand(kReactionMs, kHandSeed, 0.0);
    for (std::size_t i = 0; i < kMaxFrames && workbench.reaction().running(); ++i) {
        const auto frame = hand.next_frame(workbench.reaction());
        workbench.feed_frame(frame);
        page.show_samples(frame);
    }
    const int flashes = page.cue_flash().flashes();
    if (!workbench.storage()->flush(std::chrono::seconds(10))) qFatal("not flushed");
    if (workbench.close_database() != 0) qFatal("records left unwritten");
    return flashes;
}

// The same hand as the frame source of `algoscope-cli rt`.
std::string measure_with_the_cli(const std::string& db) {
    algocore::session::Workbench workbench(parity::fixed_clock(kUtc));
    cli_rt::Options options;
    options.common.db = db;
    options.common.subject = "P-017";
    options.common.operator_name = "Dr Lund";
    options.seed = kCueSeed;
    rthand::ReactingHand hand(kReactionMs, kHandSeed, 0.0);
    std::size_t frames = 0;
    const cli_measuring::FrameSource source = [&](algocore::session::Workbench& wb) {
        if (++frames > kMaxFrames) return false;
        wb.feed_frame(hand.next_frame(wb.reaction()));
        return true;
    };
    std::ostringstream out, err;
    try {
        cli_rt::run(options, workbench, source, nullptr, out, err);
    } catch (const cli_measuring::Failure& failure) {
        return "failed: " + failure.message;
    }
    return out.str();
}

} // namespace

class ReactionTimeParityTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theThresholdsPageAndTheCliStoreTheSameReactionTimeTest() {
        QTemporaryDir dir;
        const std::string gui_db = dir.filePath(QStringLiteral("gui.sqlite")).toStdString();
        const std::string cli_db = dir.filePath(QStringLiteral("cli.sqlite")).toStdString();
        const int flashes = measure_on_the_page(gui_db);
        const std::string printed = measure_with_the_cli(cli_db);
        QVERIFY2(printed.find("\"median_ms\":250.0") != std::string::npos, printed.c_str());

        const std::string difference = parity::first_difference(gui_db, cli_db, queries());
        QVERIFY2(difference.empty(), difference.c_str());
        // What was stored, as a reader would check it: 2 practice and 10 counted answers of
        // 250 ms to the host's cue, each cue a flash of the page.
        const auto test = parity::rows(
            cli_db, "SELECT cue_source, n, round(median_ms, 6), round(iqr_ms, 6), complete FROM "
                    "reaction_tests");
        QCOMPARE(test.size(), std::size_t{1});
        QCOMPARE(test[0], "cue_source=host|n=10|round(median_ms, 6)=" + parity::hex_float(250.0) +
                              "|round(iqr_ms, 6)=" + parity::hex_float(0.0) + "|complete=1|");
        const auto cues = parity::rows(
            gui_db, "SELECT outcome, count(*) FROM reaction_cues GROUP BY outcome ORDER BY 1");
        QCOMPARE(cues, (std::vector<std::string>{"outcome=counted|count(*)=10|",
                                                 "outcome=practice|count(*)=2|"}));
        QCOMPARE(flashes, 12);
    }
};

QTEST_MAIN(ReactionTimeParityTest)
#include "ReactionTimeParityTest.moc"
