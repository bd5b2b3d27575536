#pragma once
// Builders of plausible records for storage tests.
#include <cmath>

#include "algocore/records/Records.h"

namespace algotest {

inline algocore::records::RawTrace ramp_trace(int samples, double rate_kpa_s, double probe_cm2) {
    algocore::records::RawTrace trace;
    for (int i = 0; i < samples; ++i) {
        const double t_s = 0.001 * i;
        const double pressure_kpa = rate_kpa_s * t_s;
        trace.samples.push_back({t_s, 1000 + 7 * i, pressure_kpa * probe_cm2 / 10.0, pressure_kpa,
                                 static_cast<std::uint8_t>(i == samples - 1 ? 2 : 0),
                                 static_cast<std::uint8_t>(i % 5 == 0 ? 4 : 0)});
    }
    return trace;
}

// A trace of gauge noise: it does not compress, so writing it needs new pages of the file
// (a quota of the current size then refuses it, as a full disk does).
inline algocore::records::RawTrace noisy_trace(int samples) {
    algocore::records::RawTrace trace;
    unsigned noise = 2463534242u;
    for (int i = 0; i < samples; ++i) {
        noise ^= noise << 13;
        noise ^= noise >> 17;
        noise ^= noise << 5;
        const auto counts = static_cast<std::int32_t>(100000 + noise % 50000);
        trace.samples.push_back({0.001 * i, counts, 0.001 * counts, 0.01 * counts, 0, 0});
    }
    return trace;
}

inline algocore::records::Trial trial_at(algocore::records::RecordId session,
                                         algocore::records::RecordId site,
                                         algocore::records::BodySide side, int index,
                                         double ppt_kpa) {
    algocore::records::Trial t;
    t.session_id = session;
    t.site_id = site;
    t.side = side;
    t.index = index;
    t.ppt_kpa = ppt_kpa;
    t.rate_kpa_s = 49.5;
    t.target_rate_kpa_s = 50.0;
    t.probe_cm2 = 1.0;
    t.valid = true;
    t.counted = true;
    t.outcome = "signalled";
    t.preset = "dfns";
    t.calibration_id = 12;
    t.in_corridor_pct = 93.5;
    t.ramp_start_t_s = 10.0 + index;
    t.signal_t_s = 18.0 + index;
    t.peak_kpa = ppt_kpa + 30.0;
    return t;
}

} // namespace algotest
