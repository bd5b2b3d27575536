#include "algosim/SimulatedAlgometer.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <thread>

#include "algocal/ProbeArea.h"
#include "algoproto/Protocol.h"
#include "algoproto/firmware/FirmwareCore.h"
#include "algosim/BuiltinScenarios.h"
#include "algosim/ScenarioFile.h"
#include "algosim/SimulatedHal.h"

namespace algosim {
namespace {

using algoproto::firmware::DeviceConfig;
using algoproto::firmware::FirmwareCore;

// The simulated clock advances in fixed steps and the firmware is polled at every step, so the
// times the firmware sees (and the physics is evaluated at) do not depend on how the OS
// schedules this thread: a seed reproduces a run. 50 µs divides the periods of the usual
// rates (2000, 1000, 500, 250, 200, 100 Hz) exactly.
constexpr std::uint64_t kStepUs = 50;
// If the thread was held up longer than this (suspended process), jump instead of replaying
// every step; the firmware then reports the skipped samples, as a stalled device would.
constexpr std::uint64_t kMaxCatchUpUs = 2'000'000;
// A microcontroller's transmit buffer: the firmware drops whole frames when it is full.
constexpr std::size_t kTxBufferBytes = 4096;
constexpr auto kIdleWait = std::chrono::milliseconds(1);
constexpr unsigned kMaxRateHz = 2000;
constexpr double kLoadCellCountsPerN = 8000.0;
constexpr std::int32_t kLoadCellZeroCounts = 21500;
constexpr float kFullScaleN = 250.0f;
constexpr unsigned kFramesPerSecondTarget = 50;

std::uint8_t autostart_batch(const SimulatedAlgometerOptions& options) {
    if (options.batch > 0) return static_cast<std::uint8_t>(options.batch);
    const unsigned batch = (options.rate_hz + kFramesPerSecondTarget / 2) / kFramesPerSecondTarget;
    return static_cast<std::uint8_t>(
        std::clamp<unsigned>(batch, 1, static_cast<unsigned>(algoproto::kMaxSamplesPerFrame)));
}

std::string serial_number_for(std::uint64_t seed) {
    char text[32];
    std::snprintf(text, sizeof text, "SIM-%08X", static_cast<unsigned>(seed & 0xFFFFFFFFu));
    return text;
}

bool is_time(const std::optional<double>& t_s) {
    return !t_s || (std::isfinite(*t_s) && *t_s >= 0.0);
}

std::uint64_t to_us(double t_s) {
    return static_cast<std::uint64_t>(std::llround(t_s * 1e6));
}

} // namespace

// Everything that lives while the simulator runs; owned by SimulatedAlgometer, used by the
// simulator thread except for the mutex-guarded paths and counters.
class SimulatedAlgometer::Runner {
public:
    Runner(const SimulatedAlgometerOptions& options, std::unique_ptr<Scenario> scenario,
           std::unique_ptr<VirtualSerialPort> port)
        : options_(options), scenario_(std::move(scenario)), hand_(HandSteadiness{}, options.seed),
          load_cell_(load_cell_spec(), options.seed),
          faults_(options.faults.drop_rate, options.faults.corrupt_rate, options.seed),
          hal_(*scenario_, hand_, load_cell_, options.probe_area_cm2, faults_, kTxBufferBytes),
          subject_(options.reaction, options.seed), serial_number_(serial_number_for(options.seed)),
          port_(std::move(port)) {
        hal_.set_subject(&subject_);
        config_.serial_number = serial_number_.c_str();
        config_.firmware_major = 0;
        config_.firmware_minor = 1;
        config_.firmware_patch = 0;
        config_.capabilities = algoproto::kCapOperatorButton | algoproto::kCapPatientButton |
                               algoproto::kCapBattery | algoproto::kCapTare |
                               algoproto::kCapClockSync | algoproto::kCapCue |
                               (options.autostart ? algoproto::kCapAutostart : 0);
        config_.counts_per_newton = static_cast<float>(kLoadCellCountsPerN);
        config_.zero_offset_counts = kLoadCellZeroCounts;
        config_.probe_area_cm2 = static_cast<float>(options.probe_area_cm2);
        config_.full_scale_n = kFullScaleN;
        config_.adc_nominal_rate_hz = static_cast<std::uint16_t>(options.rate_hz);
        config_.max_rate_hz = kMaxRateHz;
        config_.default_batch = autostart_batch(options);
        config_.autostart = options.autostart;
        paths_.device = port_->device_path();
        paths_.os_device = port_->os_device_path();
        if (options.faults.disconnect_at_s)
            disconnect_at_us_ = to_us(*options.faults.disconnect_at_s);
        if (options.faults.disconnect_at_s && options.faults.reconnect_after_s) {
            reconnect_at_us_ = *disconnect_at_us_ + to_us(*options.faults.reconnect_after_s);
        }
        if (options.faults.power_cycle_at_s)
            power_cycle_at_us_ = to_us(*options.faults.power_cycle_at_s);
    }

    ~Runner() { stop(); }

    void start() {
        hal_.power_up();
        core_ = std::make_unique<FirmwareCore>(hal_, config_);
        thread_ = std::thread([this] { run(); });
    }

    void stop() {
        stop_requested_ = true;
        if (thread_.joinable()) thread_.join();
        if (port_) port_->close();
    }

    std::string device_path() const {
        std::lock_guard lock(mutex_);
        return paths_.device;
    }
    std::string os_device_path() const {
        std::lock_guard lock(mutex_);
        return paths_.os_device;
    }
    SimulatedAlgometerStats stats() const {
        std::lock_guard lock(mutex_);
        return stats_;
    }

private:
    static LoadCellSpec load_cell_spec() {
        LoadCellSpec spec;
        spec.counts_per_n = kLoadCellCountsPerN;
        spec.zero_offset_counts = kLoadCellZeroCounts;
        return spec;
    }

    void emit(const std::string& event) {
        if (options_.on_event) options_.on_event(event);
    }

    void run() {
        const auto origin = std::chrono::steady_clock::now();
        std::uint64_t sim_us = 0;
        while (!stop_requested_) {
            const auto real_us =
                static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(
                                               std::chrono::steady_clock::now() - origin)
                                               .count());
            if (real_us > sim_us + kMaxCatchUpUs) sim_us = real_us - real_us % kStepUs - kStepUs;
            while (sim_us + kStepUs <= real_us && !stop_requested_) {
                sim_us += kStepUs;
                step(sim_us);
            }
            receive_from_host();
            drain();
            publish_stats();
            if (port_open()) {
                port_->wait_readable(kIdleWait);
            } else {
                std::this_thread::sleep_for(kIdleWait);
            }
        }
        publish_stats();
    }

    bool port_open() const { return port_ && port_->is_open(); }

    void drain() { bytes_sent_ += hal_.drain_to(port_open() ? port_.get() : nullptr); }

    void step(std::uint64_t sim_us) {
        hal_.advance_to(sim_us);
        apply_scheduled_faults(sim_us);
        core_->poll();
        // Keep the transmit buffer moving during a long catch-up.
        if (hal_.tx_pending() > kTxBufferBytes / 2) drain();
    }

    void apply_scheduled_faults(std::uint64_t sim_us) {
        if (disconnect_at_us_ && sim_us >= *disconnect_at_us_) {
            disconnect_at_us_.reset();
            port_->close();
            {
                std::lock_guard lock(mutex_);
                ++stats_.disconnects;
            }
            emit("disconnected");
        }
        if (reconnect_at_us_ && sim_us >= *reconnect_at_us_) {
            reconnect_at_us_.reset();
            reconnect();
        }
        if (power_cycle_at_us_ && sim_us >= *power_cycle_at_us_) {
            power_cycle_at_us_.reset();
            power_cycle();
        }
    }

    void reconnect() {
        OpenPortResult opened = open_virtual_serial_port(options_.link_path);
        if (!opened.port) {
            emit("reconnect failed: " + opened.error);
            return;
        }
        port_ = std::move(opened.port);
        {
            std::lock_guard lock(mutex_);
            paths_.device = port_->device_path();
            paths_.os_device = port_->os_device_path();
        }
        emit("reconnected: pty: " + port_->os_device_path());
    }

    void power_cycle() {
        samples_before_power_cycle_ += core_->counters().samples_taken;
        core_.reset();
        hal_.power_up();
        core_ = std::make_unique<FirmwareCore>(hal_, config_);
        {
            std::lock_guard lock(mutex_);
            ++stats_.power_cycles;
        }
        emit("power-cycled");
    }

    void receive_from_host() {
        if (!port_open()) return;
        std::uint8_t buffer[512];
        while (true) {
            const PortIoResult result = port_->read(buffer);
            if (result.status != PortIoStatus::Ok || result.bytes == 0) return;
            host_bytes_ += result.bytes;
            core_->on_uart_rx(buffer, result.bytes);
        }
    }

    void publish_stats() {
        std::lock_guard lock(mutex_);
        stats_.samples_taken = samples_before_power_cycle_ + core_->counters().samples_taken;
        stats_.bytes_dropped = faults_.dropped();
        stats_.bytes_corrupted = faults_.corrupted();
        stats_.bytes_received = host_bytes_;
        stats_.tx_overflow_bytes = hal_.tx_overflow_bytes();
        stats_.bytes_sent = bytes_sent_;
    }

    SimulatedAlgometerOptions options_;
    std::unique_ptr<Scenario> scenario_;
    SimulatedHand hand_;
    LoadCell load_cell_;
    WireFaults faults_;
    SimulatedHal hal_;
    ReactingSubject subject_;
    std::string serial_number_;
    DeviceConfig config_;
    std::unique_ptr<FirmwareCore> core_;
    std::unique_ptr<VirtualSerialPort> port_;

    std::optional<std::uint64_t> disconnect_at_us_;
    std::optional<std::uint64_t> reconnect_at_us_;
    std::optional<std::uint64_t> power_cycle_at_us_;
    std::uint64_t samples_before_power_cycle_ = 0;
    std::uint64_t host_bytes_ = 0;
    std::uint64_t bytes_sent_ = 0;

    std::atomic<bool> stop_requested_{false};
    std::thread thread_;

    mutable std::mutex mutex_; // guards paths_ and stats_
    struct Paths {
        std::string device;
        std::string os_device;
    } paths_;
    SimulatedAlgometerStats stats_;
};

SimulatedAlgometer::SimulatedAlgometer(SimulatedAlgometerOptions options)
    : options_(std::move(options)) {}

SimulatedAlgometer::~SimulatedAlgometer() {
    stop();
}

std::vector<std::string> SimulatedAlgometer::scenario_names() {
    return builtin_scenario_names();
}

std::string SimulatedAlgometer::validate(const SimulatedAlgometerOptions& options) {
    if (options.rate_hz < algoproto::kMinRateHz || options.rate_hz > kMaxRateHz) {
        return "rate must be between " + std::to_string(algoproto::kMinRateHz) + " and " +
               std::to_string(kMaxRateHz) + " Hz (got " + std::to_string(options.rate_hz) + ")";
    }
    if (options.batch > algoproto::kMaxSamplesPerFrame) {
        return "batch must be between 1 and " + std::to_string(algoproto::kMaxSamplesPerFrame) +
               " samples per frame (got " + std::to_string(options.batch) + ")";
    }
    if (!algocal::probe_area_in_range(options.probe_area_cm2)) {
        return "probe area must be " + algocal::probe_area_range_text();
    }
    if (!(options.reaction.mean_ms >= 50.0 && options.reaction.mean_ms <= 2000.0 &&
          options.reaction.sd_ms >= 0.0 && options.reaction.sd_ms <= 500.0)) {
        return "the reaction time must have a mean of 50 to 2000 ms and an SD of 0 to 500 ms";
    }
    const auto& faults = options.faults;
    if (!(faults.drop_rate >= 0.0 && faults.drop_rate <= 1.0)) {
        return "drop rate must be a probability between 0 and 1";
    }
    if (!(faults.corrupt_rate >= 0.0 && faults.corrupt_rate <= 1.0)) {
        return "corrupt rate must be a probability between 0 and 1";
    }
    if (!is_time(faults.disconnect_at_s) || !is_time(faults.reconnect_after_s) ||
        !is_time(faults.power_cycle_at_s)) {
        return "fault times must be finite and not negative (seconds)";
    }
    if (faults.reconnect_after_s && !faults.disconnect_at_s) {
        return "reconnect-after needs disconnect-at";
    }
    if (options.scenario_file.empty()) {
        const auto names = builtin_scenario_names();
        if (std::find(names.begin(), names.end(), options.scenario) == names.end()) {
            std::string known;
            for (const auto& name : names)
                known += (known.empty() ? "" : ", ") + name;
            return "unknown scenario '" + options.scenario + "' (known: " + known + ")";
        }
    }
    return {};
}

std::string SimulatedAlgometer::start() {
    if (runner_) return "the simulated algometer is already running";
    if (std::string error = validate(options_); !error.empty()) return error;

    std::unique_ptr<Scenario> scenario;
    if (!options_.scenario_file.empty()) {
        ScenarioFileResult file = load_scenario_file(options_.scenario_file);
        if (!file.ok()) return file.error;
        scenario =
            std::make_unique<Scenario>(options_.scenario_file, std::move(file.keyframes), false);
    } else {
        scenario = make_builtin_scenario(options_.scenario, options_.seed);
    }
    OpenPortResult opened = open_virtual_serial_port(options_.link_path);
    if (!opened.port) return opened.error;

    runner_ = std::make_unique<Runner>(options_, std::move(scenario), std::move(opened.port));
    runner_->start();
    return {};
}

void SimulatedAlgometer::stop() {
    if (!runner_) return;
    runner_->stop();
    final_stats_ = runner_->stats();
    runner_.reset();
}

bool SimulatedAlgometer::running() const {
    return runner_ != nullptr;
}

std::string SimulatedAlgometer::device_path() const {
    return runner_ ? runner_->device_path() : std::string{};
}

std::string SimulatedAlgometer::os_device_path() const {
    return runner_ ? runner_->os_device_path() : std::string{};
}

SimulatedAlgometerStats SimulatedAlgometer::stats() const {
    return runner_ ? runner_->stats() : final_stats_;
}

} // namespace algosim
