#include "algocore/session/ReactionTimeSession.h"

#include <utility>

namespace algocore::session {

using protocols::CueSource;
using protocols::ReactionTestState;

ReactionTimeSession::ReactionTimeSession(DeviceCue device_cue)
    : device_cue_(std::move(device_cue)) {}

std::string ReactionTimeSession::start(double now_s, const protocols::ReactionTimeConfig& config,
                                       bool device_gives_cues) {
    if (const auto check = config.validate(); !check.ok()) return check.reason;
    source_ = device_gives_cues && device_cue_ ? CueSource::Device : CueSource::Host;
    test_.emplace(config, source_);
    result_.reset();
    host_cue_due_.reset();
    lines_reported_ = 0;
    have_device_time_ = false;
    patient_was_down_ = true; // a button already held is not an answer
    test_->start(now_s);
    return {};
}

bool ReactionTimeSession::running() const {
    return test_ && !test_->finished();
}

void ReactionTimeSession::stop() {
    if (!running()) return;
    test_->stop();
    finish_if_done();
}

double ReactionTimeSession::device_s(std::uint32_t device_t_us) {
    // Differences of the wrapping u32 clock, added up: seconds since the first instant seen.
    if (!have_device_time_) {
        have_device_time_ = true;
        last_device_us_ = device_t_us;
        device_us_ = 0;
    }
    device_us_ += static_cast<std::int32_t>(device_t_us - last_device_us_);
    last_device_us_ = device_t_us;
    return static_cast<double>(device_us_) * 1e-6;
}

void ReactionTimeSession::on_link_event(const LinkEvent& event, double now_s) {
    if (!running() || source_ != CueSource::Device || !event.has_device_time) return;
    if (event.kind == LinkEvent::Kind::Cue) {
        test_->cue_shown(event.cue_id, device_s(event.device_t_us), now_s);
    } else if (event.kind == LinkEvent::Kind::Button && event.button == kPatientButton &&
               event.pressed) {
        test_->press(device_s(event.device_t_us), now_s);
    }
    finish_if_done();
}

void ReactionTimeSession::feed(const Sample& sample) {
    const bool down = (sample.buttons & kPatientButton) != 0;
    const bool pressed = down && !patient_was_down_;
    patient_was_down_ = down;
    if (!running() || source_ != CueSource::Host || !pressed) return;
    test_->press(sample.t_s, sample.t_s);
    finish_if_done();
}

void ReactionTimeSession::host_press(double t_s) {
    if (!running() || source_ != CueSource::Host) return;
    test_->press(t_s, t_s);
    finish_if_done();
}

void ReactionTimeSession::tick(double now_s) {
    if (!running()) return;
    test_->tick(now_s);
    if (const auto id = test_->take_due_cue(now_s)) {
        if (source_ == CueSource::Host) {
            host_cue_due_ = *id;
        } else if (!device_cue_(*id, test_->config().cue_duration_s)) {
            // The device cannot be asked now (not streaming): the test counts it as a lost
            // cue after cue_confirm_s and asks again.
        }
    }
    finish_if_done();
}

std::optional<std::uint16_t> ReactionTimeSession::take_host_cue() {
    return std::exchange(host_cue_due_, std::nullopt);
}

void ReactionTimeSession::host_cue_shown(std::uint16_t cue_id, double t_s) {
    if (!running() || source_ != CueSource::Host) return;
    test_->cue_shown(cue_id, t_s, t_s);
}

std::vector<protocols::ReactionCue> ReactionTimeSession::take_new_lines() {
    std::vector<protocols::ReactionCue> out;
    if (!test_) return out;
    const auto& lines = test_->cues();
    for (; lines_reported_ < lines.size(); ++lines_reported_)
        out.push_back(lines[lines_reported_]);
    return out;
}

void ReactionTimeSession::finish_if_done() {
    if (!test_ || !test_->finished() || result_) return;
    ReactionTimeResult result;
    result.summary = test_->summary();
    result.cues = test_->cues();
    result.timing_note = protocols::cue_timing(source_).note;
    result.config = test_->config();
    result_ = result;
    if (on_finished_) on_finished_(*result_);
}

} // namespace algocore::session
