#include "algocore/live/LiveSignal.h"

#include <algorithm>

#include "algocore/LinkEvent.h"
#include "algocore/acquisition/Acquisition.h"

namespace algocore::live {

void LiveSignal::sample_arrived(double t_s) {
    last_sample_t_s_ = t_s;
    now_s_ = std::max(now_s_, t_s);
}

void LiveSignal::set_now_s(double now_s) {
    now_s_ = std::max(now_s_, now_s);
}

void LiveSignal::restart_clock() {
    last_sample_t_s_.reset();
    now_s_ = 0.0;
}

std::optional<double> LiveSignal::sample_age_s() const {
    if (!last_sample_t_s_) return std::nullopt;
    return now_s_ - *last_sample_t_s_;
}

SignalState LiveSignal::state() const {
    switch (link_) {
    case LinkState::NotConnected:
    case LinkState::Failed: return SignalState::NotConnected;
    case LinkState::Reconnecting:
    case LinkState::Disconnected: return SignalState::NoSignal;
    case LinkState::Connecting:
    case LinkState::Connected: break;
    }
    // An open link is live only while its samples are fresh: a device can stop talking
    // without the port closing (a crashed gauge, a pulled cable behind a USB hub).
    const std::optional<double> age = sample_age_s();
    return age && *age <= kNoSignalAfterS ? SignalState::Live : SignalState::NoSignal;
}

LinkState link_state_of(const algocore::AcquisitionStatus& status) {
    using Link = algocore::AcquisitionStatus::Link;
    switch (status.link) {
    case Link::Idle:
    case Link::Connecting: return LinkState::Connecting;
    case Link::Connected: return LinkState::Connected;
    case Link::Reconnecting: return LinkState::Reconnecting;
    case Link::Disconnected: return LinkState::Disconnected;
    // A session that ended on its own (end of a replay, a permanent error) left the user
    // with a device that is gone: the screen says so rather than "not connected".
    case Link::Ended: return LinkState::Disconnected;
    }
    return LinkState::Disconnected;
}

std::optional<LinkState> link_state_after(const algocore::LinkEvent& event) {
    switch (event.kind) {
    case algocore::LinkEvent::Kind::Connected: return LinkState::Connected;
    case algocore::LinkEvent::Kind::Disconnected: return LinkState::Disconnected;
    default: return std::nullopt;
    }
}

} // namespace algocore::live
