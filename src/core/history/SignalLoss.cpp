#include "algocore/history/SignalLoss.h"

#include <algorithm>
#include <cmath>

#include "algocore/history/PressureFormat.h"
#include "algocore/live/GapDetector.h"

namespace algocore::history {

std::vector<records::SignalLossRecord> signal_losses_in(const records::RawTrace& trace) {
    std::vector<records::SignalLossRecord> out;
    live::GapDetector gaps;
    const auto& s = trace.samples;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (gaps.gap_before(s[i].t_s, (s[i].flags & kGapBefore) != 0) && i > 0)
            out.push_back({s[i - 1].t_s - s.front().t_s, s[i].t_s - s[i - 1].t_s});
    return out;
}

std::string minutes_seconds(double seconds) {
    const long whole = std::lround(std::max(0.0, seconds));
    const long s = whole % 60;
    return std::to_string(whole / 60) + (s < 10 ? ":0" : ":") + std::to_string(s);
}

namespace {
std::string one_loss(const records::SignalLossRecord& loss) {
    return fixed(loss.lost_s, 1) + " s at " + minutes_seconds(loss.at_s);
}

double total_s(const std::vector<records::SignalLossRecord>& losses) {
    double lost_s = 0.0;
    for (const auto& loss : losses)
        lost_s += loss.lost_s;
    return lost_s;
}
} // namespace

std::string losses_text(const std::vector<records::SignalLossRecord>& losses) {
    if (losses.empty()) return "";
    if (losses.size() == 1) return one_loss(losses.front());
    std::string each;
    for (const auto& loss : losses)
        each += (each.empty() ? "" : ", ") + one_loss(loss);
    return fixed(total_s(losses), 1) + " s in " + std::to_string(losses.size()) + " stretches (" +
           each + ")";
}

std::string signal_loss_sentence(const records::HoldMetrics& m,
                                 const std::vector<records::SignalLossRecord>& found_in_trace) {
    if (!m.signal_losses) {
        if (found_in_trace.empty()) return "";
        return "Signal lost " + losses_text(found_in_trace) +
               ": recorded before Algoscope measured losses, so the duration, in band, mean and "
               "PTI include it as if the pressure had stayed on.";
    }
    if (m.signal_losses->empty()) return "";
    const double with_signal_s = std::max(0.0, m.duration_s - m.signal_lost_s());
    return "Signal lost " + losses_text(*m.signal_losses) +
           ": the duration includes it; in band, mean and PTI are over the " +
           fixed(with_signal_s, 1) + " s with signal.";
}

std::string signal_loss_cell(const records::HoldMetrics& m) {
    if (!m.signal_losses) return "not measured";
    if (m.signal_losses->empty()) return "none";
    return losses_text(*m.signal_losses);
}

} // namespace algocore::history
