#include "algosim/SimulatedHal.h"

#include <algorithm>

#include "algoproto/Protocol.h"

namespace algosim {
namespace {
// A Li-ion cell that sags slowly while the simulator runs: full at 4.15 V, 1 mV per 10 s.
constexpr int kBatteryFullMv = 4150;
constexpr int kBatteryEmptyMv = 3300;
constexpr std::uint64_t kBatteryMicrosPerMv = 10'000'000;
} // namespace

SimulatedHal::SimulatedHal(Scenario& scenario, SimulatedHand& hand, LoadCell& load_cell,
                           double probe_area_cm2, WireFaults& faults, std::size_t tx_capacity_bytes)
    : scenario_(scenario), hand_(hand), load_cell_(load_cell), probe_area_cm2_(probe_area_cm2),
      faults_(faults), tx_capacity_bytes_(tx_capacity_bytes) {
    tx_.reserve(tx_capacity_bytes);
}

void SimulatedHal::advance_to(std::uint64_t scenario_us) {
    now_us_ = std::max(now_us_, scenario_us);
}

void SimulatedHal::power_up() {
    power_up_us_ = now_us_;
    tx_.clear();
    cue_outputs_ = 0;
}

std::uint32_t SimulatedHal::micros() {
    return static_cast<std::uint32_t>(now_us_ - power_up_us_);
}

bool SimulatedHal::read_adc(std::int32_t& counts) {
    const double t_s = static_cast<double>(now_us_) * 1e-6;
    const double intended_kpa = scenario_.state_at(t_s).pressure_kpa;
    last_applied_kpa_ =
        scenario_.human_hand() ? hand_.applied_kpa(t_s, intended_kpa) : intended_kpa;
    const AdcReading reading =
        load_cell_.convert(force_n_from_pressure(last_applied_kpa_, probe_area_cm2_));
    counts = std::clamp(reading.counts, algoproto::kAdcMinCounts, algoproto::kAdcMaxCounts);
    return true;
}

std::uint8_t SimulatedHal::read_buttons() {
    const ScenarioState state = scenario_.state_at(static_cast<double>(now_us_) * 1e-6);
    const bool answering = subject_ != nullptr && subject_->pressing(now_us_);
    return static_cast<std::uint8_t>(
        (state.operator_button ? algoproto::kOperatorButton : 0) |
        (state.patient_button || answering ? algoproto::kPatientButton : 0));
}

std::uint8_t SimulatedHal::cue_outputs_available() {
    return algoproto::kCueLed | algoproto::kCueBuzzer;
}

void SimulatedHal::set_cue_outputs(std::uint8_t outputs) {
    // The subject sees the cue the instant it goes on (scenario time).
    if (outputs != 0 && cue_outputs_ == 0 && subject_ != nullptr) subject_->cue(now_us_);
    cue_outputs_ = outputs;
}

bool SimulatedHal::uart_write(const std::uint8_t* data, std::size_t size) {
    if (tx_.size() + size > tx_capacity_bytes_) {
        tx_overflow_bytes_ += size;
        return false;
    }
    for (std::size_t i = 0; i < size; ++i) {
        std::uint8_t byte = data[i];
        if (faults_.pass(byte)) tx_.push_back(byte);
    }
    return true;
}

std::size_t SimulatedHal::drain_to(VirtualSerialPort* port) {
    if (tx_.empty()) return 0;
    if (port == nullptr || !port->is_open()) {
        tx_.clear();
        return 0;
    }
    const PortIoResult result = port->write(tx_);
    if (result.status != PortIoStatus::Ok) return 0;
    tx_.erase(tx_.begin(), tx_.begin() + static_cast<std::ptrdiff_t>(result.bytes));
    return result.bytes;
}

std::uint16_t SimulatedHal::battery_mv() {
    const auto sag_mv = static_cast<int>((now_us_ - power_up_us_) / kBatteryMicrosPerMv);
    return static_cast<std::uint16_t>(std::max(kBatteryEmptyMv, kBatteryFullMv - sag_mv));
}

std::uint8_t SimulatedHal::battery_percent() {
    const int range_mv = kBatteryFullMv - kBatteryEmptyMv;
    return static_cast<std::uint8_t>(100 * (battery_mv() - kBatteryEmptyMv) / range_mv);
}

} // namespace algosim
