// algoscope-demo-history --db FILE [--sessions N] [--subject CODE]
// Writes a plausible patient history for screenshots, reports and export sizes: N sessions a
// fortnight apart (default 6), each with 3 trials at 3 paired sites, left and right (18
// trials, 1 kHz ramp traces), and in the newest two sessions two 90-second holds (1 kHz
// traces). Thresholds rise over the weeks at the left trapezius, as a treated point would.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "algocore/storage/SqliteStorage.h"

using namespace algocore::storage;

namespace {

constexpr double kRateKpaS = 30.0;
constexpr double kSampleS = 0.001;

// A deterministic wobble in place of sensor noise, so every run writes the same file.
double wobble(int i) {
    return 1.5 * std::sin(i * 0.37) + 0.8 * std::sin(i * 0.011);
}

TraceSample sample(int i, double kpa, std::uint8_t buttons = 0) {
    const double force_n = kpa / 10.0; // 1 cm² probe
    return {
        i * kSampleS, static_cast<std::int32_t>(2000 + force_n * 400.0), force_n, kpa, buttons, 0};
}

RawTrace ramp_to(double ppt_kpa) {
    RawTrace t;
    const int ramp = static_cast<int>(ppt_kpa / kRateKpaS / kSampleS);
    for (int i = 0; i < ramp; ++i)
        t.samples.push_back(
            sample(i, kRateKpaS * kSampleS * i + 0.3 * wobble(i), i == ramp - 1 ? 1 : 0));
    for (int i = 0; i < 500; ++i) // release
        t.samples.push_back(sample(ramp + i, ppt_kpa * (1.0 - i / 500.0)));
    return t;
}

RawTrace hold_at(double band_mid_kpa) {
    RawTrace t;
    for (int i = 0; i < 95000; ++i) {
        const double s = i * kSampleS;
        const double kpa = s < 5.0    ? band_mid_kpa * s / 5.0
                           : s < 92.0 ? band_mid_kpa + 8.0 * std::sin(s * 0.4) + wobble(i)
                                      : band_mid_kpa * (95.0 - s) / 3.0;
        t.samples.push_back(sample(i, std::max(0.0, kpa)));
    }
    return t;
}

} // namespace

int main(int argc, char** argv) {
    std::string db_path, code = "P-0031";
    int sessions = 6;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--db")
            db_path = argv[i + 1];
        else if (arg == "--sessions")
            sessions = std::atoi(argv[i + 1]);
        else if (arg == "--subject")
            code = argv[i + 1];
    }
    if (db_path.empty() || sessions < 1) {
        std::fprintf(stderr, "usage: algoscope-demo-history --db FILE [--sessions N>=1]\n");
        return 2;
    }
    auto opened = SqliteStorage::open(db_path);
    if (!opened.storage) {
        std::fprintf(stderr, "%s\n", opened.error.c_str());
        return 1;
    }
    auto& db = *opened.storage;
    const char* site_keys[] = {"upper_trapezius", "tibialis_anterior", "gluteus_medius"};
    for (int s = 0; s < sessions; ++s) {
        SessionOpening opening;
        opening.subject.code = code;
        opening.by = Operator{0, "M. Keller", "therapist"};
        opening.session.device_serial = "ALG-2041";
        char date[64];
        std::snprintf(date, sizeof date, "2026-%02d-%02dT09:%02d:00Z", 9 + (s * 14) / 30,
                      1 + (s * 14) % 30, 10 + s);
        opening.session.started_utc = date;
        opening.session.notes = s + 1 == sessions
                                    ? "Neck pain 3/10 (was 6/10 at intake). Home exercises kept "
                                      "up. Continue weekly release of the left trapezius."
                                    : "";
        const RecordId session = db.open_session(opening).id;
        int site_index = 0;
        for (const char* key : site_keys) {
            const auto site = db.find_site(key);
            if (!site) continue;
            for (BodySide side : {BodySide::Left, BodySide::Right}) {
                // The treated left trapezius rises about 25 kPa a session; the rest stay put.
                const double base = 260.0 + 90.0 * site_index + (side == BodySide::Right ? 15 : 0);
                const double trend =
                    (site_index == 0 && side == BodySide::Left) ? 25.0 * s : 2.0 * (s % 2);
                for (int k = 1; k <= 3; ++k) {
                    Trial t;
                    t.session_id = session;
                    t.site_id = site->id;
                    t.side = side;
                    t.index = k;
                    t.ppt_kpa = base + trend + 9.0 * std::sin(s * 3.1 + k * 1.7 + site_index);
                    t.rate_kpa_s = kRateKpaS;
                    t.target_rate_kpa_s = kRateKpaS;
                    t.valid = t.counted = true;
                    t.outcome = "signalled";
                    t.preset = "clinical";
                    t.peak_kpa = t.ppt_kpa + 4.0;
                    db.record_trial(t, ramp_to(t.ppt_kpa));
                }
            }
            ++site_index;
        }
        if (s + 2 < sessions) continue;
        const auto trapezius = db.find_site("upper_trapezius");
        for (int rep = 1; rep <= 2 && trapezius; ++rep) {
            Hold h;
            h.session_id = session;
            h.site_id = trapezius->id;
            h.side = BodySide::Left;
            h.band_low_kpa = 240;
            h.band_high_kpa = 290;
            h.target_hold_s = 90;
            h.outcome = "complete";
            h.repetition = rep;
            const double in_band_s = 84.5 + rep;
            h.metrics = {92.0,        in_band_s, 100.0 * in_band_s / 92.0,
                         266.0 + rep, 265.0,     23900.0 + 150 * rep,
                         292.0,       4.1,       2,
                         1,           92.0};
            h.step_ups = {{30.0, 31.5, 250.0, 268.0}};
            h.pain_rating_0_10 = 5 - rep;
            db.record_hold(h, hold_at(265.0));
        }
    }
    if (!db.flush(std::chrono::minutes{5})) {
        std::fprintf(stderr, "the database was not written in time\n");
        return 1;
    }
    std::printf("%s: subject %s, %d sessions\n", db_path.c_str(), code.c_str(), sessions);
    return 0;
}
