#include "algocore/protocols/DoseMetrics.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "algocore/live/GapDetector.h"
#include "algocore/protocols/HoldTimer.h"

namespace algocore::protocols {

double DoseMetrics::signal_lost_s() const {
    double lost_s = 0.0;
    for (const SignalLoss& loss : signal_losses)
        lost_s += loss.lost_s;
    return lost_s;
}

std::vector<bool> signal_gaps(const std::vector<Sample>& trace) {
    std::vector<bool> gaps(trace.size(), false);
    live::GapDetector detector;
    for (std::size_t i = 0; i < trace.size(); ++i)
        gaps[i] = detector.gap_before(trace[i].t_s, (trace[i].flags & kGapBefore) != 0);
    return gaps;
}

namespace {
double integral_kpa_s(const std::vector<Sample>& trace, const std::vector<bool>& gaps) {
    double integral = 0.0;
    for (std::size_t i = 1; i < trace.size(); ++i) {
        if (gaps[i]) continue;
        const double dt = trace[i].t_s - trace[i - 1].t_s;
        integral += 0.5 * (trace[i].pressure_kpa + trace[i - 1].pressure_kpa) * dt;
    }
    return integral;
}
} // namespace

double pressure_time_integral_kpa_s(const std::vector<Sample>& trace) {
    return integral_kpa_s(trace, signal_gaps(trace));
}

ConfigCheck check_pain_rating(int rating_0_10) {
    if (rating_0_10 < 0 || rating_0_10 > 10)
        return ConfigCheck::bad("pain_rating", "the pain rating must be a whole number 0-10");
    return ConfigCheck::good();
}

DoseMetrics measure_dose(const std::vector<Sample>& trace, const PressureBand& band, double grace_s,
                         int step_ups) {
    DoseMetrics m;
    m.step_ups = step_ups;
    if (trace.empty()) return m;
    m.duration_s = trace.back().t_s - trace.front().t_s;
    const std::vector<bool> gaps = signal_gaps(trace);
    for (std::size_t i = 1; i < trace.size(); ++i)
        if (gaps[i])
            m.signal_losses.push_back(
                {trace[i - 1].t_s - trace.front().t_s, trace[i].t_s - trace[i - 1].t_s});

    // Time in band is counted by the live hold's own timer, on its clock that stands still
    // while there is no signal (the stretch counts neither in nor out of band).
    HoldTimerConfig timer_config;
    timer_config.hold_s = std::numeric_limits<double>::infinity();
    timer_config.grace_s = grace_s;
    HoldTimer timer(timer_config);
    m.peak_kpa = trace.front().pressure_kpa;
    double lost_s = 0.0;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const Sample& s = trace[i];
        if (gaps[i]) lost_s += s.t_s - trace[i - 1].t_s;
        timer.update(s.t_s, band.classify(s.pressure_kpa), gaps[i]);
        m.peak_kpa = std::max(m.peak_kpa, s.pressure_kpa);
    }
    m.time_in_band_s = timer.time_in_band_s();
    const double with_signal_s = m.duration_s - lost_s;
    m.time_in_band_pct = with_signal_s > 0.0 ? 100.0 * m.time_in_band_s / with_signal_s : 0.0;
    m.excursions = timer.excursions();
    m.overshoots = timer.overshoots();

    // Mean, median and CV describe the pressure on the skin: the lifted probe at the end of
    // a hold (or a gap in contact) would drag them towards zero. The mean is time-weighted
    // (each interval carries its earlier sample), so an uneven sample rate cannot bias it; an
    // interval without signal carries nothing.
    std::vector<double> contact;
    contact.reserve(trace.size());
    double weighted = 0.0;
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const Sample& s = trace[i];
        if (s.pressure_kpa < kProbeOnSkinKpa) continue;
        contact.push_back(s.pressure_kpa);
        if (i + 1 < trace.size() && !gaps[i + 1]) {
            const double dt = trace[i + 1].t_s - s.t_s;
            m.contact_s += dt;
            weighted += s.pressure_kpa * dt;
        }
    }
    if (contact.empty()) return m;
    double sum = 0.0;
    for (double p : contact)
        sum += p;
    const double n = static_cast<double>(contact.size());
    const double sample_mean = sum / n;
    m.mean_kpa = m.contact_s > 0.0 ? weighted / m.contact_s : sample_mean;
    if (contact.size() >= 2) {
        double ss = 0.0;
        for (double p : contact)
            ss += (p - sample_mean) * (p - sample_mean);
        const double sd = std::sqrt(ss / (n - 1.0));
        m.cv_pct = sample_mean > 0.0 ? 100.0 * sd / sample_mean : 0.0;
    }
    std::vector<double>& sorted = contact;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t mid = sorted.size() / 2;
    m.median_kpa = sorted.size() % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    m.pti_kpa_s = integral_kpa_s(trace, gaps);
    return m;
}

} // namespace algocore::protocols
